/**
 * @module cli/store
 * What the database commands share: opening the configured store for one task (closing it however the task
 * ends), the service context over it, and reading an option through a zod schema with a plain message.
 */
import type { z } from 'zod';
import { loadConfig, type Config } from '../config/index.js';
import { systemClock, type ServiceContext } from '../services/context.js';
import { databaseTargetFromConfig, openStore, type Store } from '../store/index.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

export function contextOf(store: Store, env: CliIo['env']): ServiceContext {
  return { db: store.db, clock: systemClock, security: loadConfig(env).security };
}

export async function withStore(config: Config, work: (store: Store) => Promise<void>): Promise<void> {
  const store = await openStore(databaseTargetFromConfig(config));
  try {
    await work(store);
  } finally {
    await store.close();
  }
}

/** Parses an option's value; a bad one stops the command with the flag named and the fix. */
export function parseOption<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue === undefined || issue.path.length === 0 ? '' : ` (${issue.path.join('.')})`;
    throw new UsageError(`${flag}${field}: ${issue?.message ?? 'invalid value'}`);
  }
  return result.data;
}
