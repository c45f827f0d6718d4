/**
 * @module config
 * Typed configuration from environment variables, and the payer pack files it names.
 */
export {
  loadConfig,
  ConfigError,
  CONFIG_VARIABLES,
  DEFAULT_SECURITY_SETTINGS,
  packageRoot,
} from './config.js';
export type { Config, SecuritySettings, ConfigVariable } from './config.js';
export { installPackFiles, readPackFiles } from './pack-files.js';
