/**
 * @module cli/billing
 * `peerline billing run` and `peerline claims export`: the billing run and the 837 files from the command
 * line, as the user named by `--as` (there is no session; their role is checked as on the web). The run prints
 * its progress as it goes; the export writes each 837 file into a directory and prints where.
 */
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { StartBillingRunRequestSchema } from '../shared/api/billing.js';
import { PayerPackIdSchema } from '../shared/programs.js';
import {
  DEFAULT_CHUNK_MEMBERS,
  export837Stream,
  processBillingRun,
  startBillingRun,
} from '../services/billing/index.js';
import { actorByEmail } from '../services/users/index.js';
import { migrateToLatest } from '../store/index.js';
import type { CliIo } from './io.js';
import { contextOf, parseOption, withStore } from './store.js';
import { UsageError } from './usage-error.js';
import { loadConfig } from '../config/index.js';

const dollars = (cents: number): string => `$${(cents / 100).toFixed(2)}`;
const CHUNK_SCHEMA = z.coerce
  .number()
  .int()
  .min(1, { message: 'Use a whole number of members, at least 1.' })
  .max(10000, { message: 'Use at most 10000 members per transaction.' });

export function addBillingCommands(program: Command, io: CliIo): void {
  const billing = program.command('billing').description('Billing runs: signed notes to claims.');
  billing
    .command('run')
    .description(
      'Claim every signed, unclaimed note in a date range (or hold it with its problems), printing progress. Safe to repeat or to run beside another run.',
    )
    .requiredOption('--from <date>', 'first date of service, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last date of service, YYYY-MM-DD')
    .requiredOption('--as <email>', 'the billing staff member or admin running it')
    .option('--program <id>', 'only this program')
    .option('--payer <pack>', 'only this payer pack, e.g. ca-dhcs')
    .option('--chunk-members <n>', 'members judged per transaction', String(DEFAULT_CHUNK_MEMBERS))
    .action(
      async (options: {
        from: string;
        to: string;
        as: string;
        program?: string;
        payer?: string;
        chunkMembers: string;
      }) => {
        const input = parseOption(
          StartBillingRunRequestSchema,
          {
            from: options.from,
            to: options.to,
            ...(options.program === undefined ? {} : { programId: options.program }),
            ...(options.payer === undefined ? {} : { payerPack: options.payer }),
          },
          '--from/--to/--program/--payer',
        );
        const chunkMembers = parseOption(CHUNK_SCHEMA, options.chunkMembers, '--chunk-members');
        await withStore(loadConfig(io.env), async (store) => {
          await migrateToLatest(store.db);
          const ctx = contextOf(store, io.env);
          const actor = await actorByEmail(store.db, options.as);
          const run = await startBillingRun(ctx, actor, input);
          io.out(
            `Billing run ${run.id}: ${run.notesTotal} signed notes to judge from ${run.from} to ${run.to}.`,
          );
          const finished = await processBillingRun(ctx, actor, run.id, {
            chunkMembers,
            onProgress: (progress) =>
              io.out(
                `  ${progress.notesDone}/${progress.notesTotal} judged — ${progress.notesClaimed} claimed, ${progress.notesHeld} held, ${dollars(progress.chargeCents)}`,
              ),
          });
          io.out(
            `Finished: ${finished.notesClaimed} notes claimed on ${finished.claimsCreated} claims (${dollars(finished.chargeCents)}), ${finished.notesHeld} held — see the billing worklist.`,
          );
        });
      },
    );

  const claims = program.command('claims').description('Claims: 837P files.');
  claims
    .command('export')
    .description(
      'Write every ready claim of a payer into 837P files (per program, at most 5,000 claims each) in a directory, and mark the claims batched.',
    )
    .requiredOption('--payer <pack>', 'the payer pack, e.g. ca-dhcs')
    .requiredOption('--as <email>', 'the billing staff member or admin exporting')
    .option('--out <dir>', 'directory to write the files into', '.')
    .action(async (options: { payer: string; as: string; out: string }) => {
      const payerPack = parseOption(PayerPackIdSchema, options.payer, '--payer');
      await withStore(loadConfig(io.env), async (store) => {
        await migrateToLatest(store.db);
        const ctx = contextOf(store, io.env);
        const actor = await actorByEmail(store.db, options.as);
        await mkdir(options.out, { recursive: true });
        // Files are streamed as they are written, so a month of claims needs no more memory than a page.
        const result = await export837Stream(ctx, actor, payerPack, async (file) => {
          const target = path.join(options.out, file.fileName);
          const handle = await open(target, 'wx').catch((error: unknown) => {
            if (error instanceof Error && 'code' in error && error.code === 'EEXIST') {
              throw new UsageError(`${target} already exists; choose another --out directory.`);
            }
            throw error;
          });
          return {
            write: async (chunk) => {
              await handle.write(chunk);
            },
            close: () => handle.close(),
          };
        });
        if (result.batches.length === 0) {
          io.out(`No ready claims for ${payerPack}: nothing written.`);
          return;
        }
        for (const batch of result.batches) {
          io.out(
            `${path.join(options.out, batch.fileName)}: ${batch.claimCount} claims, ${batch.lineCount} lines, ${dollars(batch.totalCents)} (interchange ${batch.interchangeControlNumber}).`,
          );
        }
      });
    });
}
