/**
 * @module services/billing/batches
 * 837P batches: what goes into a file, and the files once stored. A page of a payer's ready claims is read in
 * file order (program, member, date, claim number), locked, with everything its 837 needs, and turned into
 * the X12 writer's batch, whose billing provider is the claims' program. What the payer's rules judged the
 * claim with — the member's id with the payer, the diagnoses, the rendering provider's taxonomy — comes from
 * the claim, which recorded it when it was made: a member's record changed after billing does not change a
 * claim already made. What the rules do not judge — the member's name, birth date and address, the rendering
 * peer's NPI and name — is read as it stands, so it can be completed after billing; with the lines and any
 * authorization. Making batches is
 * `export837Stream` (export.ts), the one path for the API and the CLI; here the stored batches are also listed,
 * downloaded (audited) and marked sent.
 */
import { sql, type Kysely } from 'kysely';
import type { Batch, PayerSettings } from '../../shared/api/billing.js';
import type { PayerPackId } from '../../shared/programs.js';
import type { ClaimBatchRow, Database, ProgramRow } from '../../store/index.js';
import { X12_LIMITS, type Batch837, type Claim837 } from '../../x12/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { conflict, notFound, requireRole } from '../errors.js';
import { isUuid } from '../access/index.js';
import { moveClaims } from './claims.js';
import { BILLING_ROLES } from './run.js';
import { combineSameDayLines, storedLineMinutes, type SameDayLines } from './same-day.js';

export function toBatch(row: ClaimBatchRow): Batch {
  return {
    id: row.id,
    payerPack: row.payer_pack,
    interchangeControlNumber: row.interchange_control_number,
    fileName: row.file_name,
    claimCount: row.claim_count,
    lineCount: row.line_count,
    totalCents: Number(row.total_cents),
    createdAt: row.created_at.toISOString(),
    submittedAt: row.submitted_at?.toISOString() ?? null,
  };
}

/** A person's display name as the 837 wants it: last name, and the rest as first name. */
function splitName(displayName: string): { first: string; last: string } {
  const words = displayName.trim().split(/\s+/);
  const last = words.pop() ?? displayName;
  return { first: words.join(' ') || last, last };
}

/** A ready claim with what its 837 needs of the member and the rendering provider. */
export type ReadyClaim = Awaited<ReturnType<ReturnType<typeof readyClaimsQuery>['execute']>>[number];

/** One page of ready claims: a program's, after the last claim of the page before. */
export interface ReadyClaimsPage {
  programId: string;
  after: ReadyClaim | undefined;
  limit: number;
}

/** The page of the payer's ready claims, locked, in file order: program, member, date, claim number. */
export function readyClaims(
  db: Kysely<Database>,
  organisationId: string,
  payerPack: PayerPackId,
  page: ReadyClaimsPage,
): Promise<ReadyClaim[]> {
  let query = readyClaimsQuery(db, organisationId, payerPack, page.programId);
  const after = page.after;
  if (after !== undefined) {
    query = query.where(
      sql<boolean>`(c.member_id, c.date_of_service, c.claim_number) > (${after.member_id}::uuid, ${after.date_of_service}::date, ${after.claim_number}::bigint)`,
    );
  }
  return query.limit(page.limit).execute();
}

function readyClaimsQuery(
  db: Kysely<Database>,
  organisationId: string,
  payerPack: PayerPackId,
  programId: string,
) {
  return db
    .selectFrom('claims as c')
    .innerJoin('members as m', 'm.id', 'c.member_id')
    .innerJoin('users as u', 'u.id', 'c.rendering_provider_id')
    .leftJoin('staff_profiles as s', 's.user_id', 'c.rendering_provider_id')
    .leftJoin('claims as o', 'o.id', 'c.original_claim_id')
    .select([
      'c.id',
      'c.status',
      'c.claim_number',
      'c.member_id',
      'c.program_id',
      'c.date_of_service',
      'c.frequency_code',
      'c.total_cents',
      'c.payer_member_id',
      'c.diagnosis_codes',
      'c.rendering_taxonomy',
      'c.same_day_lines',
      'm.first_name',
      'm.last_name',
      'm.date_of_birth',
      'm.sex',
      'm.address_line1',
      'm.city',
      'm.state',
      'm.postal_code',
      'u.display_name',
      's.npi',
      'o.payer_claim_number as original_payer_claim_number',
    ])
    .where('c.organisation_id', '=', organisationId)
    .where('c.payer_pack', '=', payerPack)
    .where('c.program_id', '=', programId)
    .where('c.status', '=', 'ready')
    .orderBy('c.member_id')
    .orderBy('c.date_of_service')
    .orderBy('c.claim_number')
    .forUpdate('c');
}

/** The parties of a program's 837 file: everything but its claims. */
export function batchHeader(
  settings: PayerSettings,
  organisation: { name: string; tax_id: string | null },
  program: Pick<
    ProgramRow,
    'npi' | 'taxonomy' | 'address_line1' | 'address_line2' | 'city' | 'state' | 'postal_code'
  >,
  controlNumber: number,
  now: Date,
): Omit<Batch837, 'claims'> {
  return {
    interchange: {
      senderId: settings.submitterId,
      receiverId: settings.receiverId,
      controlNumber,
      groupControlNumber: controlNumber,
      usageIndicator: settings.usageIndicator,
      createdAt: { date: now.toISOString().slice(0, 10), time: now.toISOString().slice(11, 16) },
    },
    batchId: `PL${controlNumber}`,
    submitter: {
      name: settings.submitterName,
      id: settings.submitterId,
      contact: { name: settings.contactName, phone: settings.contactPhone },
    },
    receiver: { name: settings.receiverName, id: settings.receiverId },
    billingProvider: {
      name: organisation.name,
      npi: program.npi,
      taxonomy: program.taxonomy,
      taxId: organisation.tax_id ?? '',
      address: {
        line1: program.address_line1,
        line2: program.address_line2,
        city: program.city,
        state: program.state,
        postalCode: program.postal_code,
      },
    },
    payer: { name: settings.payerName, payerId: settings.payerId },
  };
}

/** A batch's file name: the payer and the interchange control number. */
export function batchFileName(payerPack: PayerPackId, controlNumber: number): string {
  return `peerline-${payerPack}-${String(controlNumber).padStart(9, '0')}.837`;
}

/** What else the claims need: their lines (with any authorization), by claim. */
export type ClaimParts = Awaited<ReturnType<typeof queryClaimParts>>;

/** What else each claim needs: its lines, each with the authorization it used. */
export function claimParts(
  trx: Kysely<Database>,
  organisationId: string,
  claims: readonly ReadyClaim[],
): Promise<ClaimParts> {
  return queryClaimParts(trx, organisationId, claims);
}

async function queryClaimParts(trx: Kysely<Database>, organisationId: string, claims: readonly ReadyClaim[]) {
  const lines = await trx
    .selectFrom('claim_lines as l')
    .innerJoin('service_notes as n', 'n.id', 'l.note_id')
    .leftJoin('authorizations as a', 'a.id', 'l.authorization_id')
    .select([
      'l.claim_id',
      'l.line_number',
      'l.code',
      'l.modifiers',
      'l.units',
      'l.unit_charge_cents',
      'l.charge_cents',
      'l.place_of_service',
      'l.date_of_service',
      'l.group_minutes',
      'n.start_time',
      'n.end_time',
      'n.gaps',
      'a.number as authorization_number',
    ])
    .where('l.organisation_id', '=', organisationId)
    .where(
      'l.claim_id',
      'in',
      claims.map((claim) => claim.id),
    )
    .orderBy('l.claim_id')
    .orderBy('l.line_number')
    .execute();
  return { lines: groupBy(lines, 'claim_id') };
}

/** Rows grouped by one of their columns, each group in the rows' order. */
function groupBy<Row extends Record<Key, string>, Key extends keyof Row>(
  rows: readonly Row[],
  key: Key,
): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(row[key]);
    if (group === undefined) groups.set(row[key], [row]);
    else group.push(row);
  }
  return groups;
}

/**
 * One ready claim as the 837 writer takes it. Same-day lines of one code and modifiers go out as the claim
 * recorded when it was made (`same_day_lines`, the payer's choice then): `separate` sends each stored line (one
 * per note, told apart by its line control number), `combine` one line per code, modifiers and day with units
 * from their summed minutes (see `same-day.ts`) — so the file always matches the claim's total.
 */
export function claim837(claim: ReadyClaim, parts: ClaimParts): Claim837 {
  const lines = serviceLines(parts.lines.get(claim.id) ?? [], claim.same_day_lines);
  // HI carries one principal and eleven others.
  const diagnoses = claim.diagnosis_codes.slice(0, X12_LIMITS.diagnosesPerClaim);
  const provider = splitName(claim.display_name);
  const placeOfService = lines[0]?.place_of_service ?? '';
  const authorization = lines.find((line) => line.authorization_number !== null)?.authorization_number;
  const claimId = `PL${claim.claim_number}`;
  return {
    claimId,
    frequencyCode: claim.frequency_code,
    ...(claim.original_payer_claim_number === null
      ? {}
      : { originalClaimReference: claim.original_payer_claim_number }),
    placeOfService,
    subscriber: {
      memberId: claim.payer_member_id,
      last: claim.last_name,
      first: claim.first_name,
      dateOfBirth: claim.date_of_birth,
      gender: claim.sex,
      address: {
        line1: claim.address_line1 ?? '',
        line2: null,
        city: claim.city ?? '',
        state: claim.state ?? '',
        postalCode: claim.postal_code ?? '',
      },
    },
    diagnoses,
    renderingProvider: {
      npi: claim.npi ?? '',
      last: provider.last,
      first: provider.first,
      taxonomy: claim.rendering_taxonomy,
    },
    ...(authorization === undefined || authorization === null ? {} : { priorAuthorization: authorization }),
    lines: lines.map((line) => ({
      lineControlNumber: `${claimId}-${line.line_number}`,
      code: line.code,
      modifiers: line.modifiers,
      chargeCents: line.charge_cents,
      units: line.units,
      dateOfService: line.date_of_service,
      ...(line.place_of_service === placeOfService ? {} : { placeOfService: line.place_of_service }),
      diagnosisPointers: [1],
    })),
  };
}

type StoredLine = ClaimParts['lines'] extends Map<string, (infer Line)[]> ? Line : never;

/**
 * The claim's stored lines as its 837 sends them: as they are, or combined per code, modifiers and day — the
 * combined line numbered (and so line-controlled) by its first note's line.
 */
function serviceLines(lines: readonly StoredLine[], sameDayLines: SameDayLines): readonly StoredLine[] {
  switch (sameDayLines) {
    case 'separate':
      return lines;
    case 'combine':
      return combineSameDayLines(
        lines.map((line) => ({
          ...line,
          dateOfService: line.date_of_service,
          placeOfService: line.place_of_service,
          unitChargeCents: line.unit_charge_cents,
          minutes: storedLineMinutes(line),
        })),
      ).map(({ lines: same, units, chargeCents }) => ({
        ...(same[0] as StoredLine),
        units,
        charge_cents: chargeCents,
      }));
  }
}

/** The organisation's batches, newest first. */
export async function listBatches(ctx: ServiceContext, actor: Actor): Promise<Batch[]> {
  requireRole(actor, BILLING_ROLES);
  const rows = await ctx.db
    .selectFrom('claim_batches')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .orderBy('created_at', 'desc')
    .orderBy('interchange_control_number', 'desc')
    .limit(200)
    .execute();
  return rows.map(toBatch);
}

/** One batch's 837 file, for download; audited (the file holds members' records). */
export async function batchFile(
  ctx: ServiceContext,
  actor: Actor,
  batchId: string,
): Promise<{ fileName: string; content: string }> {
  requireRole(actor, BILLING_ROLES);
  if (!isUuid(batchId)) throw notFound('claim_batch');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('claim_batches')
      .select(['file_name', 'content'])
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', batchId)
      .executeTakeFirst();
    if (row === undefined) throw notFound('claim_batch');
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'batch.download', { type: 'claim_batch', id: batchId }),
    );
    return { fileName: row.file_name, content: row.content };
  });
}

/** Marks a batch sent to the payer: its claims become `submitted`. */
export async function submitBatch(ctx: ServiceContext, actor: Actor, batchId: string): Promise<Batch> {
  requireRole(actor, BILLING_ROLES);
  if (!isUuid(batchId)) throw notFound('claim_batch');
  return ctx.db.transaction().execute(async (trx) => {
    const batch = await trx
      .selectFrom('claim_batches')
      .selectAll()
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', batchId)
      .forUpdate()
      .executeTakeFirst();
    if (batch === undefined) throw notFound('claim_batch');
    if (batch.submitted_at !== null) {
      throw conflict('batch.already_submitted', 'This batch was already marked as sent.', ['params', 'id']);
    }
    const claims = await trx
      .selectFrom('claims')
      .select(['id', 'status', 'member_id'])
      .where('organisation_id', '=', actor.organisationId)
      .where('batch_id', '=', batchId)
      .where('status', '=', 'batched')
      .forUpdate()
      .execute();
    await moveClaims(trx, ctx.clock, actor, claims, 'submitted');
    const row = await trx
      .updateTable('claim_batches')
      .set({ submitted_at: ctx.clock.now() })
      .where('id', '=', batchId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'batch.submit', { type: 'claim_batch', id: batchId }),
    );
    return toBatch(row);
  });
}
