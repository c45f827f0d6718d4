/**
 * @module services/billing/write
 * Writes what the judge decided: claimed lines grouped into claims (member, payer, program, rendering
 * provider, date of service; at most 50 lines, in the order judged) with each claim's first status event, and
 * holds for the notes that could not be claimed. Used by billing runs (original claims) and by corrections
 * (replacement and void claims that refer to the original).
 */
import type { Kysely } from 'kysely';
import { MAX_LINES_PER_CLAIM, type ClaimFrequencyCode } from '../../shared/billing.js';
import type { Database } from '../../store/index.js';
import type { Decision } from './judge.js';

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
): Promise<{ notes: number; claims: number; amountCents: number }> {
  const claimed = decisions.filter((decision): decision is ClaimDecision => decision.kind === 'claim');
  if (claimed.length === 0) return { notes: 0, claims: 0, amountCents: 0 };
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
  const claimRows = claims.map((lines) => {
    const first = lines[0] as ClaimDecision;
    return {
      organisation_id: target.organisationId,
      run_id: target.runId,
      frequency_code: target.frequencyCode ?? '1',
      original_claim_id: target.originalClaimId ?? null,
      member_id: first.note.memberId,
      program_id: first.note.programId,
      payer_pack: first.payerPack,
      rendering_provider_id: first.note.authorId,
      date_of_service: first.note.fields.dateOfService,
      total_cents: lines.reduce((sum, each) => sum + each.line.amountCents, 0),
      line_count: lines.length,
      status_changed_at: now,
      created_at: now,
    };
  });
  const ids: string[] = [];
  for (const slice of slices(claimRows)) {
    const inserted = await trx.insertInto('claims').values(slice).returning('id').execute();
    ids.push(...inserted.map((row) => row.id));
  }
  const lineRows = claims.flatMap((lines, claimIndex) =>
    lines.map((decision, index) => ({
      organisation_id: target.organisationId,
      claim_id: ids[claimIndex] as string,
      note_id: decision.note.id,
      member_id: decision.note.memberId,
      date_of_service: decision.note.fields.dateOfService,
      line_number: index + 1,
      code: decision.line.code,
      modifiers: decision.line.modifiers,
      units: decision.line.units,
      unit_rate_cents: decision.line.unitRateCents,
      amount_cents: decision.line.amountCents,
      place_of_service: decision.line.placeOfService,
      group_minutes: decision.groupMinutes,
      authorization_id: decision.authorizationId,
      counts: target.frequencyCode !== '8',
      warnings: JSON.stringify(decision.warnings),
    })),
  );
  for (const slice of slices(lineRows)) {
    await trx.insertInto('claim_lines').values(slice).execute();
  }
  for (const slice of slices(ids)) {
    await trx
      .insertInto('claim_events')
      .values(
        slice.map((claimId) => ({
          organisation_id: target.organisationId,
          claim_id: claimId,
          status: 'ready' as const,
          comment: null,
          user_id: target.userId,
          occurred_at: now,
        })),
      )
      .execute();
  }
  for (const slice of slices(claimed.map((decision) => decision.note.id))) {
    await trx.deleteFrom('billing_holds').where('note_id', 'in', slice).execute();
  }
  return {
    notes: claimed.length,
    claims: claims.length,
    amountCents: claimRows.reduce((sum, row) => sum + row.total_cents, 0),
  };
}

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
