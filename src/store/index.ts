/**
 * @module store
 * The database: one schema, forward-only migrations, the same code on PGlite and PostgreSQL.
 */
export { openStore, databaseTargetFromConfig } from './database.js';
export type { Store, DatabaseKind, DatabaseTarget } from './database.js';
export { migrateToLatest, migrateTo, migrationState, MigrationError } from './migrate.js';
export type { MigrationState } from './migrate.js';
export { lockDataDirectory, DataDirectoryLockedError, LOCK_FILE_NAME } from './data-dir-lock.js';
export type { DataDirectoryLock } from './data-dir-lock.js';
export type * from './schema.js';
export { isUniqueViolation, sqlState } from './errors.js';
