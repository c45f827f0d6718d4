/**
 * @module services/context
 * What every use case receives: the database, a clock and the security settings, plus the acting user.
 * The clock is injected so tests can move time (idle expiry, lockout) without waiting.
 */
import type { Kysely } from 'kysely';
import type { SecuritySettings } from '../config/index.js';
import type { Role } from '../shared/roles.js';
import type { Database } from '../store/index.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface ServiceContext {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly security: SecuritySettings;
}

/** The signed-in user on whose behalf a use case runs; every query is scoped by `organisationId`. */
export interface Actor {
  readonly userId: string;
  readonly email: string;
  readonly organisationId: string;
  readonly roles: readonly Role[];
  /** Client address, for the audit log. */
  readonly ip: string | null;
}
