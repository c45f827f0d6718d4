/**
 * @module services/billing/statistics
 * Keeps PostgreSQL's picture of `claim_lines` true while a billing run grows it. The planner chooses how to
 * read a chunk's claim history from the table's statistics; a month's run can take the table from empty to a
 * million lines, and with statistics from the empty table it read the history of 200 members by scanning
 * every line of the organisation — a second per chunk by the end, so the run slowed as it went (measured in
 * docs/PERFORMANCE.md). Bulk loaders analyze as they load; so does the run: after each chunk, once the lines
 * written since the last look exceed what the table then held (and at least `minimumLines`), it runs
 * `ANALYZE claim_lines` — a sample of the table, a fraction of a second — so the refreshes come at doubling
 * sizes, a handful per run. Autovacuum does the same where it is on; it is off on some servers, and never runs
 * on PGlite.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/index.js';

/** Lines written before the first refresh, when the caller does not say. */
export const DEFAULT_ANALYZE_AFTER_LINES = 10_000;

export class ClaimLineStatistics {
  private linesSince = 0;
  private refreshing = false;

  private constructor(
    private linesAtLastLook: number,
    private readonly minimumLines: number,
  ) {}

  /** Reads what the statistics now say the table holds (nothing, for a table never analyzed). */
  static async of(
    db: Kysely<Database>,
    minimumLines = DEFAULT_ANALYZE_AFTER_LINES,
  ): Promise<ClaimLineStatistics> {
    return new ClaimLineStatistics(await estimatedLines(db), minimumLines);
  }

  /**
   * Counts lines a chunk wrote (committed) and refreshes the statistics when they have grown stale. Two chunks
   * finishing together refresh once.
   */
  async written(db: Kysely<Database>, lines: number): Promise<void> {
    this.linesSince += lines;
    if (this.refreshing || this.linesSince < Math.max(this.minimumLines, this.linesAtLastLook)) return;
    this.refreshing = true;
    try {
      this.linesSince = 0;
      await sql`analyze claim_lines`.execute(db);
      this.linesAtLastLook = await estimatedLines(db);
    } finally {
      this.refreshing = false;
    }
  }
}

/** The planner's row count for `claim_lines` (-1 before the first analyze counts as none). */
async function estimatedLines(db: Kysely<Database>): Promise<number> {
  const result = await sql<{
    lines: number;
  }>`select greatest(reltuples, 0)::float8 as lines from pg_class where oid = 'claim_lines'::regclass`.execute(
    db,
  );
  return Number(result.rows[0]?.lines ?? 0);
}
