/**
 * @module testing
 * Helpers for the database and browser suites (never imported by production code).
 */
export {
  openTestStore,
  openEmptyTestStore,
  testContext,
  testDatabaseKind,
  ManualClock,
  createPostgresTestDatabase,
} from './test-store.js';
export type { TestStore, PostgresTestDatabase } from './test-store.js';
export { schemaSnapshot } from './schema-snapshot.js';
export type { SchemaSnapshot } from './schema-snapshot.js';
export { createFixtureOrganisation, fixtureActor, FIXTURE_PASSWORD } from './fixtures.js';
export type { FixtureOrganisation, FixtureUser } from './fixtures.js';
export { startTestServer } from './test-server.js';
export type { TestServer } from './test-server.js';
export { createDocumentationFixture } from './documentation-fixtures.js';
export type { DocumentationFixture, FixtureMember } from './documentation-fixtures.js';
export { startTestApp, problemsOf } from './http-app.js';
export type { TestApp, HttpClient } from './http-app.js';
export { addProgramMembers, fixtureMemberWith } from './group-fixtures.js';
export type { ExtraMemberOptions } from './group-fixtures.js';
export { kindOf } from './service-errors.js';
export {
  insertSignedNote,
  insertApprovedPlan,
  insertCertifiedPeer,
  coveredLosAngelesMember,
  testPayerSettings,
  complete837Records,
  serviceLinesOf837,
  demoUnitChargeFor,
} from './billing-fixtures.js';
export type { ServiceLineRead, SignedNoteOptions } from './billing-fixtures.js';
