/**
 * @module config
 * Typed configuration from environment variables.
 */
export {
  loadConfig,
  ConfigError,
  CONFIG_VARIABLES,
  DEFAULT_SECURITY_SETTINGS,
  packageRoot,
} from './config.js';
export type { Config, SecuritySettings, ConfigVariable } from './config.js';
