/**
 * @module services/billing/write
 * Writes what the judge decided: claimed lines grouped into claims (member, payer, program, rendering
 * provider, date of service; at most 50 lines, in the order judged) with each claim's first status event, and
 * holds for the notes that could not be claimed. Each claim records what it was judged with that its 837
 * carries: the member's id with the payer, the diagnoses and the rendering provider's taxonomy. Used by billing runs (original claims) and by corrections
 * (replacement and void claims that refer to the original). Every note claimed gets its own line (the link that
 * keeps it from being billed twice); a payer that combines same-day lines is charged, in the claim's total, for
 * the combined lines its 837 will carry (`same-day.ts`).
 */
import { sql, type Kysely } from 'kysely';
import { v7 as timeOrderedUuid } from 'uuid';
import { MAX_LINES_PER_CLAIM, type ClaimFrequencyCode } from '../../shared/billing.js';
import type { Database } from '../../store/index.js';
import type { Decision } from './decisions.js';
import { combineSameDayLines, sameDayLinesOf, type SameDayLines } from './same-day.js';

/** Rows per INSERT statement (PostgreSQL allows 65,535 parameters per statement). */
const ROWS_PER_INSERT = 1000;

/** Whose claims these are, and what kind. */
export interface ClaimTarget {
  organisationId: string;
  /** The billing run making them; null for a correction. Holds need a run. */
  runId: string | null;
  /** Who made them (the first status event names them). */
  userId: string;
  /** `1` when omitted. */
  frequencyCode?: ClaimFrequencyCode;
  /** The claim a replacement (7) or void (8) refers to. */
  originalClaimId?: string;
  /** Why the claims were made (a correction's reason), on their first status event. */
  comment?: string;
  /**
   * How same-day lines go out: a void says what its original said; otherwise the payer's `sameDayLines`
   * setting now.
   */
  sameDayLines?: SameDayLines;
}

type ClaimDecision = Extract<Decision, { kind: 'claim' }>;

/**
 * Groups the claimed lines into claims (member, payer, program, rendering provider, date; at most 50 lines,
 * in the order judged) and inserts claims, lines and each claim's first status event; clears the notes' holds.
 */
export async function writeClaims(
  trx: Kysely<Database>,
  target: ClaimTarget,
  decisions: readonly Decision[],
  now: Date,
): Promise<{ notes: number; claims: number; chargeCents: number }> {
  const claimed = decisions.filter((decision): decision is ClaimDecision => decision.kind === 'claim');
  if (claimed.length === 0) return { notes: 0, claims: 0, chargeCents: 0 };
  const groups = new Map<string, ClaimDecision[][]>();
  for (const decision of claimed) {
    const { note } = decision;
    const key = [
      note.memberId,
      decision.payerPack,
      note.programId,
      note.authorId,
      note.fields.dateOfService,
    ].join('|');
    const claims = groups.get(key) ?? [];
    const open = claims[claims.length - 1];
    if (open === undefined || open.length >= MAX_LINES_PER_CLAIM) claims.push([decision]);
    else open.push(decision);
    groups.set(key, claims);
  }
  const claims = [...groups.values()].flat();
  // Ids are made here, so that claims, their lines, their first events and the cleared holds go to the
  // database in one statement, each column as one array (`unnest`), however many claims the chunk has.
  // They are time-ordered (UUIDv7): a month's run adds a million claims and lines, and random keys would
  // scatter every insert into those tables' key indexes (and the indexes that lead with the claim) over
  // pages long since written out — each one read back, and logged whole after every checkpoint.
  const ids = claims.map(() => timeOrderedUuid());
  // A claim's total is what its 837 charges: a payer that combines same-day lines is charged per combined line.
  // Each claim records how its payer wants same-day lines sent now; the export sends it that way.
  const sameDayModes = claims.map(
    (lines): SameDayLines =>
      target.sameDayLines ?? (lines[0] === undefined ? 'separate' : sameDayLinesOf(lines[0].payerPack)),
  );
  const totals = claims.map((lines, index) => claimTotalCents(lines, sameDayModes[index] ?? 'separate'));
  // A claim's lines share its member, payer, program, peer and date, so they were judged with the same
  // coverage entry, diagnoses and taxonomy: the first line's are the claim's.
  const firsts = claims.map((lines) => lines[0] as ClaimDecision);
  const lines = claims.flatMap((group, claimIndex) =>
    group.map((decision, index) => ({
      id: timeOrderedUuid(),
      decision,
      claimId: ids[claimIndex] as string,
      lineNumber: index + 1,
    })),
  );
  // Each column goes as one array literal built here: node-postgres would otherwise quote and escape every
  // element of every array with a regular expression, which cost more than judging the notes.
  const column = <T>(rows: readonly T[], value: (row: T) => string | number | null): string =>
    plainArrayLiteral(rows.map(value));
  const textColumn = <T>(rows: readonly T[], value: (row: T) => string): string =>
    arrayLiteral(rows.map(value));
  // The claims' ids go to the claims and to their first events: one literal serves both.
  const claimIds = plainArrayLiteral(ids);
  await sql`
    with new_claims as (
      insert into claims (id, organisation_id, run_id, frequency_code, original_claim_id, member_id, program_id,
        payer_pack, rendering_provider_id, date_of_service, total_cents, line_count, payer_member_id,
        diagnosis_codes, rendering_taxonomy, same_day_lines, status_changed_at, created_at)
      select c.id, ${target.organisationId}::uuid, ${target.runId}::uuid, ${target.frequencyCode ?? '1'},
        ${target.originalClaimId ?? null}::uuid, c.member_id, c.program_id, c.payer_pack, c.rendering_provider_id,
        c.date_of_service, c.total_cents, c.line_count, c.payer_member_id, c.diagnosis_codes::text[],
        c.rendering_taxonomy, c.same_day_lines, ${now}::timestamptz, ${now}::timestamptz
      from unnest(${claimIds}::uuid[], ${column(firsts, (first) => first.note.memberId)}::uuid[],
        ${column(firsts, (first) => first.note.programId)}::uuid[], ${textColumn(firsts, (first) => first.payerPack)}::text[],
        ${column(firsts, (first) => first.note.authorId)}::uuid[],
        ${column(firsts, (first) => first.note.fields.dateOfService)}::date[], ${plainArrayLiteral(totals)}::bigint[],
        ${column(claims, (group) => group.length)}::integer[],
        ${textColumn(firsts, (first) => first.judgedWith.payerMemberId)}::text[],
        ${textColumn(firsts, (first) => arrayLiteral(first.judgedWith.diagnosisCodes))}::text[],
        ${textColumn(firsts, (first) => first.judgedWith.renderingTaxonomy)}::text[],
        ${arrayLiteral(sameDayModes)}::text[])
        with ordinality as c(id, member_id, program_id, payer_pack, rendering_provider_id, date_of_service,
          total_cents, line_count, payer_member_id, diagnosis_codes, rendering_taxonomy, same_day_lines, position)
      order by c.position
      returning id
    ), new_lines as (
      insert into claim_lines (id, organisation_id, claim_id, note_id, member_id, date_of_service, line_number, code,
        modifiers, units, unit_charge_cents, charge_cents, expected_unit_rate_cents, expected_cents, place_of_service,
        group_minutes, authorization_id, counts, warnings)
      select l.id, ${target.organisationId}::uuid, l.claim_id, l.note_id, l.member_id, l.date_of_service, l.line_number,
        l.code, l.modifiers::text[], l.units, l.unit_charge_cents, l.charge_cents, l.expected_unit_rate_cents,
        l.expected_cents, l.place_of_service, l.group_minutes, l.authorization_id, ${target.frequencyCode !== '8'},
        l.warnings
      from unnest(${column(lines, (line) => line.id)}::uuid[], ${column(lines, (line) => line.claimId)}::uuid[],
        ${column(lines, (line) => line.decision.note.id)}::uuid[],
        ${column(lines, (line) => line.decision.note.memberId)}::uuid[],
        ${column(lines, (line) => line.decision.note.fields.dateOfService)}::date[],
        ${column(lines, (line) => line.lineNumber)}::smallint[], ${textColumn(lines, (line) => line.decision.line.code)}::text[],
        ${textColumn(lines, (line) => arrayLiteral(line.decision.line.modifiers))}::text[],
        ${column(lines, (line) => line.decision.line.units)}::integer[],
        ${column(lines, (line) => line.decision.line.unitChargeCents)}::integer[],
        ${column(lines, (line) => line.decision.line.chargeCents)}::integer[],
        ${column(lines, (line) => line.decision.line.unitRateCents)}::integer[],
        ${column(lines, (line) => line.decision.line.expectedCents)}::integer[],
        ${textColumn(lines, (line) => line.decision.line.placeOfService)}::text[],
        ${column(lines, (line) => line.decision.groupMinutes)}::integer[],
        ${column(lines, (line) => line.decision.authorizationId)}::uuid[],
        ${textColumn(lines, (line) => JSON.stringify(line.decision.warnings))}::jsonb[])
        as l(id, claim_id, note_id, member_id, date_of_service, line_number, code, modifiers, units, unit_charge_cents,
          charge_cents, expected_unit_rate_cents, expected_cents, place_of_service, group_minutes, authorization_id,
          warnings)
    ), new_events as (
      insert into claim_events (organisation_id, claim_id, status, comment, user_id, occurred_at)
      select ${target.organisationId}::uuid, e.claim_id, 'ready', ${target.comment ?? null}::text, ${target.userId}::uuid,
        ${now}::timestamptz
      from unnest(${claimIds}::uuid[]) with ordinality as e(claim_id, position)
      order by e.position
    ), cleared as (
      delete from billing_holds where note_id = any(${column(claimed, (decision) => decision.note.id)}::uuid[])
    )
    select count(*) from new_claims`.execute(trx);
  return {
    notes: claimed.length,
    claims: claims.length,
    chargeCents: totals.reduce((sum, total) => sum + total, 0),
  };
}

/**
 * A claim's total charge: the sum of its lines, or — for a payer whose pack sets `sameDayLines` to `combine` —
 * of its lines as combined per code, modifiers and day (the stored lines still keep one per note).
 */
function claimTotalCents(lines: readonly ClaimDecision[], sameDayLines: SameDayLines): number {
  switch (sameDayLines) {
    case 'separate':
      return lines.reduce((sum, each) => sum + each.line.chargeCents, 0);
    case 'combine':
      return combineSameDayLines(
        lines.map((each) => ({
          ...each.line,
          dateOfService: each.note.fields.dateOfService,
          minutes: each.minutes,
        })),
      ).reduce((sum, combined) => sum + combined.chargeCents, 0);
  }
}

/** A PostgreSQL array literal of text values, each quoted (a line's modifiers; a text column). */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * A PostgreSQL array literal of values that need no quoting — uuids, ISO dates, numbers — and nulls. Anything
 * else is refused, since unquoted it could change the array.
 */
export function plainArrayLiteral(values: readonly (string | number | null)[]): string {
  let literal = '{';
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] ?? null;
    if (index > 0) literal += ',';
    if (value === null) {
      literal += 'NULL';
    } else if (typeof value === 'number' ? Number.isFinite(value) : PLAIN_ELEMENT.test(value)) {
      literal += value;
    } else {
      throw new Error(`not a plain array element: ${JSON.stringify(value)}`);
    }
  }
  return `${literal}}`;
}

/** Letters, digits and hyphens, not the word NULL: uuids and ISO dates. */
const PLAIN_ELEMENT = /^(?!null$)[0-9A-Za-z-]+$/i;

/** Records (or replaces) the hold of every note the run could not claim. */
export async function writeHolds(
  trx: Kysely<Database>,
  run: { organisationId: string; runId: string },
  decisions: readonly Decision[],
  now: Date,
): Promise<number> {
  const rows = decisions.flatMap((decision) =>
    decision.kind === 'hold'
      ? [
          {
            note_id: decision.note.id,
            organisation_id: run.organisationId,
            run_id: run.runId,
            payer_pack: decision.payerPack,
            problems: JSON.stringify(decision.problems),
            held_at: now,
          },
        ]
      : [],
  );
  for (const slice of slices(rows)) {
    await trx
      .insertInto('billing_holds')
      .values(slice)
      .onConflict((oc) =>
        oc.column('note_id').doUpdateSet((eb) => ({
          run_id: eb.ref('excluded.run_id'),
          payer_pack: eb.ref('excluded.payer_pack'),
          problems: eb.ref('excluded.problems'),
          held_at: eb.ref('excluded.held_at'),
        })),
      )
      .execute();
  }
  return rows.length;
}

export function slices<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    out.push(rows.slice(start, start + ROWS_PER_INSERT));
  }
  return out;
}
