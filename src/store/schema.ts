/**
 * @module store/schema
 * Kysely table types, one interface per table, matching the migrations in ./migrations.
 * Every table but `organisations` carries `organisation_id`: every query is scoped by it.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AuditOutcome } from '../shared/api/audit.js';
import type { PayerPackId, ProgramType } from '../shared/programs.js';
import type { Role } from '../shared/roles.js';

/** A timestamptz column: written as a Date, read back as a Date (pg's parser, on both databases). */
type Timestamp = ColumnType<Date, Date, Date>;
type CreatedTimestamp = ColumnType<Date, Date | undefined, never>;

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  tax_id: string | null;
  created_at: CreatedTimestamp;
}

export interface ProgramsTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  type: ProgramType;
  npi: string;
  taxonomy: string;
  address_line1: string;
  address_line2: string | null;
  city: string;
  state: string;
  postal_code: string;
  time_zone: string;
  payer_packs: PayerPackId[];
  created_at: CreatedTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  active: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: CreatedTimestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  /** SHA-256 of the token, hex; the token itself is only ever in the user's cookie. */
  token_hash: string;
  user_id: string;
  organisation_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  idle_expires_at: Timestamp;
  absolute_expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditEventsTable {
  /** bigint identity, read as a string. */
  id: ColumnType<string, never, never>;
  /** Null only for events no organisation can be named for (a login with an unknown email). */
  organisation_id: string | null;
  occurred_at: Timestamp;
  user_id: string | null;
  user_email: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  ip: string | null;
  outcome: AuditOutcome;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface Database {
  organisations: OrganisationsTable;
  programs: ProgramsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
}

export type OrganisationRow = Selectable<OrganisationsTable>;
export type ProgramRow = Selectable<ProgramsTable>;
export type NewProgramRow = Insertable<ProgramsTable>;
export type UserRow = Selectable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
