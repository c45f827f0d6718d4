/**
 * @module services/organisations
 * Organisations and programs.
 */
export { insertOrganisation, getOrganisationOverview, toProgram } from './organisations.js';
export type { NewOrganisation, NewProgram } from './organisations.js';
export { createAdminFromCli } from './first-admin.js';
export { setProgramPayers } from './program-payers.js';
export type { FirstAdminRequest } from './first-admin.js';
