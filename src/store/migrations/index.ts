/**
 * @module store/migrations
 * The ordered list of migrations. Numbered, forward-only: add a new file with the next number and list it
 * here; never edit or remove one that has shipped.
 */
import type { Migration } from 'kysely';
import * as foundation from './0001-foundation.js';
import * as documentation from './0002-documentation.js';
import * as billing from './0003-billing.js';
import * as notePlanOfCare from './0004-note-plan-of-care.js';
import * as billingIndexes from './0005-billing-indexes.js';
import * as holdPayer from './0006-hold-payer.js';
import * as claimTenantKeys from './0007-claim-tenant-keys.js';
import * as payerPacksUnconstrained from './0008-payer-packs-unconstrained.js';
import * as claimJudgedContext from './0009-claim-judged-context.js';
import * as authorizationModifiers from './0010-authorization-modifiers.js';
import * as interchangeControlNumbers from './0011-interchange-control-numbers.js';
import * as claimSameDayLines from './0012-claim-same-day-lines.js';
import * as feeSchedule from './0013-fee-schedule.js';
import * as kansasCaliforniaRecords from './0014-kansas-california-records.js';
import * as ncRecords from './0015-nc-records.js';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-foundation': foundation,
  '0002-documentation': documentation,
  '0003-billing': billing,
  '0004-note-plan-of-care': notePlanOfCare,
  '0005-billing-indexes': billingIndexes,
  '0006-hold-payer': holdPayer,
  '0007-claim-tenant-keys': claimTenantKeys,
  '0008-payer-packs-unconstrained': payerPacksUnconstrained,
  '0009-claim-judged-context': claimJudgedContext,
  '0010-authorization-modifiers': authorizationModifiers,
  '0011-interchange-control-numbers': interchangeControlNumbers,
  '0012-claim-same-day-lines': claimSameDayLines,
  '0013-fee-schedule': feeSchedule,
  '0014-kansas-california-records': kansasCaliforniaRecords,
  '0015-nc-records': ncRecords,
};

/** The number a migration name starts with: `0001-foundation` → 1. */
export function migrationNumber(name: string): number {
  return Number.parseInt(name.slice(0, 4), 10);
}
