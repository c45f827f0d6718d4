/**
 * @module services/billing/export
 * 837P files for any number of ready claims in memory that does not grow with them: the payer's ready claims
 * are read a page at a time (keyset order: program, member, date, claim number), each page written by the X12
 * writer as one file — one interchange, at most `claimsPerFile` claims — stored as a batch with its claims
 * moved to `batched` in the page's own transaction, and then handed to the caller's sink chunk by chunk.
 * `createBatches` writes one file per program in one transaction instead; it suits a day's claims, this a
 * month's.
 *
 * A page the writer refuses (a claim's problems, each naming its claim) stops the export with a `conflict`
 * listing them: the files already written stay written and batched, that page and the rest stay ready.
 */
import type { Batch } from '../../shared/api/billing.js';
import type { PayerPackId } from '../../shared/programs.js';
import { Batch837Error, write837To, type Batch837, type Summary837 } from '../../x12/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { conflict, notFound, requireRole, ServiceError } from '../errors.js';
import {
  batchFileName,
  batchHeader,
  claim837,
  claimParts,
  namedProblem,
  nextControlNumber,
  readyClaims,
  recordBatch,
  toBatch,
  type ReadyClaim,
} from './batches.js';
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

/**
 * Writes every ready claim of `payerPack` (or of one of its programs) into 837P files of at most
 * `claimsPerFile` claims, one batch each, and marks them batched. Each file is committed before its sink is
 * opened, so a file that reaches a sink is always a recorded batch (whose content can be downloaded again).
 *
 * @param open - called once per file, after its batch is committed, for the sink its chunks go to
 * @throws ServiceError `forbidden` unless billing staff or an admin; `not_found` for a program of another
 *   organisation; `conflict` when the payer's settings are missing, or with every problem of the first page
 *   the writer refuses (earlier files stay written)
 */
export async function export837Stream(
  ctx: ServiceContext,
  actor: Actor,
  payerPack: PayerPackId,
  open: (file: Export837File) => Export837Sink | Promise<Export837Sink>,
  options: Export837Options = {},
): Promise<Export837Result> {
  requireRole(actor, BILLING_ROLES);
  const claimsPerFile = options.claimsPerFile ?? DEFAULT_CLAIMS_PER_FILE;
  if (!Number.isSafeInteger(claimsPerFile) || claimsPerFile < 1) {
    throw new RangeError(`claimsPerFile must be a whole number of at least 1, not ${claimsPerFile}`);
  }
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
      const page = await ctx.db.transaction().execute(async (trx) => {
        const claims = await readyClaims(trx, actor.organisationId, payerPack, {
          programId: program.id,
          after,
          limit: claimsPerFile,
        });
        if (claims.length === 0) return null;
        const parts = await claimParts(trx, actor.organisationId, payerPack, claims);
        const controlNumber = await nextControlNumber(trx);
        const now = ctx.clock.now();
        const batch: Batch837 = {
          ...batchHeader(settings, organisation, program, controlNumber, now),
          claims: claims.map((claim) => claim837(claim, parts)),
        };
        const started = performance.now();
        const chunks: string[] = [];
        let summary: Summary837;
        try {
          summary = write837To(batch, (chunk) => chunks.push(chunk));
        } catch (error) {
          if (!(error instanceof Batch837Error)) throw error;
          throw new ServiceError(
            'conflict',
            error.problems.map((problem) => namedProblem(problem, claims)),
          );
        }
        result.writerMs += performance.now() - started;
        const row = await recordBatch(
          trx,
          ctx.clock,
          actor,
          payerPack,
          controlNumber,
          { text: chunks.join(''), summary },
          claims,
          now,
        );
        return {
          row,
          chunks,
          last: claims[claims.length - 1],
          controlNumber,
          characters: summary.characters,
        };
      });
      if (page === null) break;
      const sink = await open({
        fileName: batchFileName(payerPack, page.controlNumber),
        programId: program.id,
        interchangeControlNumber: page.controlNumber,
      });
      for (const chunk of page.chunks) await sink.write(chunk);
      await sink.close?.();
      result.batches.push(toBatch(page.row));
      result.characters += page.characters;
      after = page.last;
    }
  }
  return result;
}
