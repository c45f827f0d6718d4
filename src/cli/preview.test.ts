/**
 * `peerline preview`, run through `runCli` with captured output. Billing staff and scripts pipe requests into
 * it, so what it prints, where (stdout for the preview, stderr for problems) and its exit code all matter.
 * It must work without a database: every run here points the configuration at one that does not exist.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimPreviewSchema, type ClaimPreview } from '../shared/api/claims.js';
import { billableCaDhcsRequest } from '../testing/claim-requests.js';
import { TEST_UNIT_CHARGE_CENTS } from '../testing/rule-table.js';
import type { CliIo } from './io.js';
import { runCli } from './main.js';

interface Run {
  code: number;
  out: string;
  err: string;
}

const EXAMPLES_DIR = path.join(import.meta.dirname, '..', '..', 'docs', 'examples');
const EXAMPLES = readdirSync(EXAMPLES_DIR)
  .filter((name) => /^preview-.+\.json$/.test(name))
  .sort();

let scratch: string;
/** Where the CLI would put an embedded database; the preview must never create it. */
let dataDir: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'peerline-preview-'));
  dataDir = path.join(scratch, 'data');
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function run(argv: readonly string[], stdin = ''): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    readStdin: () => Promise.resolve(stdin),
    // Both point nowhere: a preview that tried to open a database would fail or leave a directory behind.
    env: {
      PEERLINE_DATA_DIR: dataDir,
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      LOG_LEVEL: 'silent',
    },
  };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function writeRequest(name: string, content: unknown): Promise<string> {
  const file = path.join(scratch, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function previewOf(result: Run): ClaimPreview {
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  return ClaimPreviewSchema.parse(JSON.parse(result.out));
}

describe('peerline preview', () => {
  it('previews a request from a file and prints the preview as pretty JSON', async () => {
    const file = await writeRequest('billable.json', billableCaDhcsRequest());
    const result = await run(['preview', file]);
    const preview = previewOf(result);
    expect(preview).toMatchObject({ pack: { id: 'ca-dhcs' }, billable: true, minutes: 60 });
    expect(preview.lines).toEqual([
      expect.objectContaining({
        code: 'H0038',
        units: 4,
        unitChargeCents: TEST_UNIT_CHARGE_CENTS,
        chargeCents: 4 * TEST_UNIT_CHARGE_CENTS,
        unitRateCents: null,
        expectedCents: null,
      }),
    ]);
    expect(preview.checks).toBeUndefined();
    expect(result.out).toContain('\n  "billable": true,\n');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('reads standard input when FILE is left out or is -', async () => {
    const stdin = JSON.stringify(billableCaDhcsRequest());
    for (const argv of [['preview'], ['preview', '-']]) {
      expect(previewOf(await run(argv, stdin)).billable).toBe(true);
    }
  });

  it('exits 0 for a service that cannot be billed: the JSON says so, with the cited problem', async () => {
    const input = billableCaDhcsRequest();
    input.service.placeOfService = '09';
    const preview = previewOf(await run(['preview'], JSON.stringify(input)));
    expect(preview.billable).toBe(false);
    expect(preview.problems.find((problem) => problem.code === 'ca-dhcs.pos.excluded')?.source).toMatchObject(
      {
        document: '000_1274c8781db8481b.txt',
        ruleId: 'ca-dhcs.pos.excluded',
      },
    );
  });

  it('includes every check with its comparisons with --explain', async () => {
    const file = await writeRequest('explain.json', billableCaDhcsRequest());
    const preview = previewOf(await run(['preview', '--explain', file]));
    expect(preview.checks?.length).toBeGreaterThan(0);
    expect(preview.checks?.find((check) => check.ruleId === 'ca-dhcs.units.minimum')).toEqual({
      ruleId: 'ca-dhcs.units.minimum',
      ruleVersion: '1',
      passed: true,
      comparisons: [{ fact: 'service.units', operator: 'gte', actual: 4, expected: 1 }],
    });
  });

  it('says plainly that the input is not JSON, on stderr, and exits 1', async () => {
    const file = await writeRequest('broken.json', '{"service": {"start": ');
    const result = await run(['preview', file]);
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err.startsWith(`${file} is not valid JSON: `), result.err).toBe(true);
    expect(result.err).not.toMatch(/\n\s+at /);
    const stdin = await run(['preview'], 'service: yes');
    expect(stdin.err).toMatch(/^Standard input is not valid JSON: /);
    expect((await run(['preview'], '  \n')).err).toMatch(/^Standard input is empty\./);
  });

  it('names a missing file rather than failing with a stack trace', async () => {
    const result = await run(['preview', path.join(scratch, 'absent.json')]);
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toBe(`Cannot read ${path.join(scratch, 'absent.json')}: there is no such file.`);
  });

  it('prints each schema problem as a "path: message" line on stderr and exits 1', async () => {
    const input = billableCaDhcsRequest();
    input.service.start = '9.30';
    const one = await run(['preview'], JSON.stringify(input));
    expect(one).toMatchObject({ code: 1, out: '' });
    expect(one.err).toBe('service.start: Use a 24-hour time in the form HH:MM, e.g. 09:30.');

    const { program: _program, ...withoutProgram } = billableCaDhcsRequest();
    const broken = { ...withoutProgram, service: { ...input.service, dateOfService: '18/11/2026' } };
    const many = await run(['preview'], JSON.stringify(broken));
    expect(many.code).toBe(1);
    expect(many.err.split('\n')).toEqual([
      'service.dateOfService: Use a date in the form YYYY-MM-DD.',
      'service.start: Use a 24-hour time in the form HH:MM, e.g. 09:30.',
      'program: Fill in program; it is required.',
    ]);
  });

  it('exits 1 naming the coverage field and the date when no payer pack applies', async () => {
    const input = billableCaDhcsRequest();
    input.member.coverage = [];
    const result = await run(['preview'], JSON.stringify(input));
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toMatch(/^member\.coverage: .*2026-11-18/);
  });

  it('explains itself with --help', async () => {
    const result = await run(['preview', '--help']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Usage: peerline preview [options] [file]');
    expect(result.out).toContain('--explain');
    expect(result.out).toContain('standard input');
  });
});

describe('the preview examples in docs/examples', () => {
  // The README and the lead point people at these files; a change to the contract or a pack must not leave
  // them behind unnoticed.
  it('include one for ca-dhcs', () => {
    expect(EXAMPLES).toContain('preview-ca-dhcs.json');
  });

  it.each(EXAMPLES)('%s parses and evaluates, with and without --explain', async (name) => {
    const file = path.join(EXAMPLES_DIR, name);
    const plain = previewOf(await run(['preview', file]));
    expect(plain.lines.length).toBeGreaterThan(0);
    const explained = previewOf(await run(['preview', '--explain', file]));
    expect(explained.checks?.length).toBeGreaterThan(0);
  });

  it('preview-ca-dhcs.json is billable: 4 units of H0038 at its fee’s $50.00, expecting its $40.00', async () => {
    const preview = previewOf(await run(['preview', path.join(EXAMPLES_DIR, 'preview-ca-dhcs.json')]));
    expect(preview).toMatchObject({ pack: { id: 'ca-dhcs' }, billable: true, problems: [] });
    expect(preview.lines).toEqual([
      expect.objectContaining({ code: 'H0038', units: 4, chargeCents: 20_000, expectedCents: 16_000 }),
    ]);
  });
});
