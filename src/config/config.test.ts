/**
 * Configuration: defaults, conversions, and clear refusals of bad values.
 */
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({}, '/srv/peerline');
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: '/srv/peerline/data',
      logLevel: 'info',
      trustProxy: false,
      security: {
        sessionIdleMinutes: 15,
        sessionAbsoluteHours: 12,
        loginMaxFailures: 5,
        loginLockMinutes: 15,
        loginRateLimitPerMinute: 20,
      },
    });
  });

  it('reads every variable and treats an empty string as unset', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        DATABASE_URL: 'postgres://peerline@db.internal/peerline',
        PEERLINE_DATA_DIR: '',
        PEERLINE_TRUST_PROXY: 'true',
        PEERLINE_SESSION_IDLE_MINUTES: '30',
        PEERLINE_PUBLIC_ORIGIN: 'https://peerline.example.org',
      },
      '/srv',
    );
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe('postgres://peerline@db.internal/peerline');
    expect(config.dataDir).toBe('/srv/data');
    expect(config.trustProxy).toBe(true);
    expect(config.security.sessionIdleMinutes).toBe(30);
    expect(config.publicOrigin).toBe('https://peerline.example.org');
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PEERLINE_SESSION_IDLE_MINUTES: '0' }, /PEERLINE_SESSION_IDLE_MINUTES must be a whole number from 1/],
    [{ PEERLINE_TRUST_PROXY: 'yes' }, /PEERLINE_TRUST_PROXY must be true or false/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ PEERLINE_PUBLIC_ORIGIN: 'https://peerline.example.org/app' }, /without a path/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('documents every variable it reads', () => {
    const names = CONFIG_VARIABLES.map((variable) => variable.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'PORT',
        'HOST',
        'DATABASE_URL',
        'PEERLINE_DATA_DIR',
        'LOG_LEVEL',
        'PEERLINE_TRUST_PROXY',
        'PEERLINE_PUBLIC_ORIGIN',
        'PEERLINE_SESSION_IDLE_MINUTES',
        'PEERLINE_SESSION_ABSOLUTE_HOURS',
        'PEERLINE_LOGIN_MAX_FAILURES',
        'PEERLINE_LOGIN_LOCK_MINUTES',
        'PEERLINE_LOGIN_RATE_LIMIT',
        'PEERLINE_SHUTDOWN_GRACE_SECONDS',
      ]),
    );
  });
});
