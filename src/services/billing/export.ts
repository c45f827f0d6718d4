/**
 * @module services/billing/export
 * The one way 837P batches are made, by the API (`POST /api/v1/billing/batches`) and by the CLI
 * (`peerline claims export`) alike. A payer's ready claims are read a page at a time (keyset order: program,
 * member, date, claim number), so memory does not grow with them; each page is one file — one interchange, one
 * billing program, at most `claimsPerFile` claims — written by the X12 writer (which checks it once, before
 * the first character), stored as a batch with its claims moved to `batched` in the page's own transaction,
 * and then handed to the caller's sink, if any, chunk by chunk.
 *
 * A page the writer refuses (a claim's problems, each naming its claim) stops the export with a `conflict`
 * listing them: the files already written stay written and batched, that page and the rest stay ready.
 */
import type { Kysely } from 'kysely';
import type { Batch } from '../../shared/api/billing.js';
import type { Problem } from '../../shared/problem.js';
import type { PayerPackId } from '../../shared/programs.js';
import type { ClaimBatchRow, Database } from '../../store/index.js';
import { Batch837Error, write837To, type Batch837, type Summary837 } from '../../x12/index.js';
import { isUuid } from '../access/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, Clock, ServiceContext } from '../context.js';
import { conflict, notFound, requireRole, ServiceError } from '../errors.js';
import { requirePayerPack } from '../payer-packs/index.js';
import {
  batchFileName,
  batchHeader,
  claim837,
  claimParts,
  readyClaims,
  toBatch,
  type ReadyClaim,
} from './batches.js';
import { moveClaims } from './claims.js';
import { takeControlNumber } from './control-numbers.js';
import { payerSettingsOf } from './payer-settings.js';
import { BILLING_ROLES } from './run.js';

/** Claims per file when the caller does not say: the guide's recommended most per transaction set. */
export const DEFAULT_CLAIMS_PER_FILE = 5000;

/** One file of the export, as its sink is opened. */
export interface Export837File {
  fileName: string;
  programId: string;
  interchangeControlNumber: number;
}

/** Where one file goes, e.g. a `fs.WriteStream` wrapped to await `drain`. */
export interface Export837Sink {
  /** Each chunk of the file, in order; concatenated they are the file. Awaited before the next chunk. */
  write(chunk: string): void | Promise<void>;
  /** After the file's last chunk. */
  close?(): void | Promise<void>;
}

/** Opens the sink of one file; called after the file's batch is committed. */
export type Export837Open = (file: Export837File) => Export837Sink | Promise<Export837Sink>;

export interface Export837Options {
  /** Only this program's claims. */
  programId?: string;
  /** Most claims per file (and per transaction); {@link DEFAULT_CLAIMS_PER_FILE} when omitted. */
  claimsPerFile?: number;
}

export interface Export837Result {
  /** The batches made, one per file, in the order written. */
  batches: Batch[];
  /** Characters written over every file (equal to bytes: 837 text is ASCII). */
  characters: number;
  /** Milliseconds spent in the X12 writer (checking and writing), of the export's whole time. */
  writerMs: number;
}

/** One committed page: its stored batch, and its file for the sink. */
interface WrittenPage {
  row: ClaimBatchRow;
  chunks: string[];
  last: ReadyClaim;
  characters: number;
}

/**
 * Writes every ready claim of `payerPack` (or of one of its programs) into 837P files of at most
 * `claimsPerFile` claims, one batch each, and marks them batched. Each file is committed before its sink is
 * opened, so a file that reaches a sink is always a recorded batch (whose content can be downloaded again).
 *
 * @param open - called once per file, after its batch is committed, for the sink its chunks go to; without
 *   it the files are only stored (the API's case: they are downloaded from the batch later)
 * @returns the batches made (none when no claim was ready), the characters written and the writer's time
 * @throws ServiceError `forbidden` unless billing staff or an admin; `not_found` for a program of another
 *   organisation; `conflict` when the payer's settings are missing, or with every problem of the first page
 *   the writer refuses (earlier files stay written)
 * @example
 * const { batches } = await export837Stream(ctx, actor, 'ca-dhcs');
 */
export async function export837Stream(
  ctx: ServiceContext,
  actor: Actor,
  payerPack: PayerPackId,
  open?: Export837Open,
  options: Export837Options = {},
): Promise<Export837Result> {
  requireRole(actor, BILLING_ROLES);
  const claimsPerFile = options.claimsPerFile ?? DEFAULT_CLAIMS_PER_FILE;
  if (!Number.isSafeInteger(claimsPerFile) || claimsPerFile < 1) {
    throw new RangeError(`claimsPerFile must be a whole number of at least 1, not ${claimsPerFile}`);
  }
  if (options.programId !== undefined && !isUuid(options.programId)) throw notFound('program');
  requirePayerPack(payerPack, ['body', 'payerPack']);
  const settings = await payerSettingsOf(ctx.db, actor.organisationId, payerPack);
  if (settings === null) {
    throw conflict(
      'batch.no_payer_settings',
      'Enter this payer’s 837 settings first (payer id, receiver, submitter id and contact) on the billing settings page.',
      ['body', 'payerPack'],
    );
  }
  const organisation = await ctx.db
    .selectFrom('organisations')
    .select(['name', 'tax_id'])
    .where('id', '=', actor.organisationId)
    .executeTakeFirstOrThrow();
  let programsQuery = ctx.db
    .selectFrom('programs')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .orderBy('id');
  if (options.programId !== undefined) programsQuery = programsQuery.where('id', '=', options.programId);
  const programs = await programsQuery.execute();
  if (options.programId !== undefined && programs.length === 0) throw notFound('program');

  const result: Export837Result = { batches: [], characters: 0, writerMs: 0 };
  for (const program of programs) {
    let after: ReadyClaim | undefined;
    for (;;) {
      const page = await ctx.db.transaction().execute(async (trx): Promise<WrittenPage | null> => {
        const claims = await readyClaims(trx, actor.organisationId, payerPack, {
          programId: program.id,
          after,
          limit: claimsPerFile,
        });
        const last = claims[claims.length - 1];
        if (last === undefined) return null;
        const parts = await claimParts(trx, actor.organisationId, claims);
        // Taken in the page's transaction: a refused page gives its number back, and a concurrent export
        // for the same submitter waits for this one and takes the next.
        const controlNumber = await takeControlNumber(trx, actor.organisationId, settings.submitterId);
        const now = ctx.clock.now();
        const batch: Batch837 = {
          ...batchHeader(settings, organisation, program, controlNumber, now),
          claims: claims.map((claim) => claim837(claim, parts)),
        };
        const started = performance.now();
        const chunks: string[] = [];
        let summary: Summary837;
        try {
          // The writer checks the batch once, before its first chunk; nothing here checks it again.
          summary = write837To(batch, (chunk) => chunks.push(chunk));
        } catch (error) {
          if (!(error instanceof Batch837Error)) throw error;
          throw new ServiceError(
            'conflict',
            error.problems.map((problem) => namedProblem(problem, claims)),
          );
        }
        result.writerMs += performance.now() - started;
        const row = await recordBatch(trx, ctx.clock, actor, {
          payerPack,
          submitterId: settings.submitterId,
          controlNumber,
          content: chunks.join(''),
          summary,
          claims,
          now,
        });
        return { row, chunks, last, characters: summary.characters };
      });
      if (page === null) break;
      if (open !== undefined) {
        const sink = await open({
          fileName: page.row.file_name,
          programId: program.id,
          interchangeControlNumber: page.row.interchange_control_number,
        });
        for (const chunk of page.chunks) await sink.write(chunk);
        await sink.close?.();
      }
      result.batches.push(toBatch(page.row));
      result.characters += page.characters;
      after = page.last;
    }
  }
  return result;
}

/** A written file, to be stored as a batch with the claims it holds. */
interface FileToRecord {
  payerPack: PayerPackId;
  /** The submitter the file is sent as (ISA06): its control numbers are its own. */
  submitterId: string;
  controlNumber: number;
  content: string;
  summary: Summary837;
  claims: readonly ReadyClaim[];
  now: Date;
}

/** Stores a written file as a batch and moves its claims to `batched`, audited, in the caller's transaction. */
async function recordBatch(
  trx: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  file: FileToRecord,
): Promise<ClaimBatchRow> {
  const { payerPack, controlNumber, summary } = file;
  const row = await trx
    .insertInto('claim_batches')
    .values({
      organisation_id: actor.organisationId,
      payer_pack: payerPack,
      submitter_id: file.submitterId,
      interchange_control_number: controlNumber,
      file_name: batchFileName(payerPack, controlNumber),
      claim_count: summary.claims,
      line_count: summary.lines,
      total_cents: summary.totalChargeCents,
      content: file.content,
      created_by: actor.userId,
      created_at: file.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await moveClaims(
    trx,
    clock,
    actor,
    file.claims.map((claim) => ({ id: claim.id, status: claim.status, member_id: claim.member_id })),
    'batched',
    { batchId: row.id },
  );
  await recordAudit(
    trx,
    clock,
    actorEntry(actor, 'batch.create', { type: 'claim_batch', id: row.id }, 'success', {
      payerPack,
      claims: summary.claims,
    }),
  );
  return row;
}

/** The writer's problem with the claim it is about named first, for billing staff to find it. */
function namedProblem(problem: Problem, claims: readonly ReadyClaim[]): Problem {
  const [root, index] = problem.path;
  const claim = root === 'claims' && typeof index === 'number' ? claims[index] : undefined;
  if (claim === undefined) return problem;
  return {
    ...problem,
    message: `Claim PL${claim.claim_number} (${claim.first_name} ${claim.last_name}, ${claim.date_of_service}): ${problem.message}`,
    path: ['claims', claim.id, ...problem.path.slice(2)],
  };
}
