/**
 * @module tools/claim-preview-doc
 * Writes docs/claim-preview.md from the code itself: the request and response field tables come from the
 * zod contract, and each worked example is the engine's real answer to a file in docs/examples/. A test
 * re-renders it and compares, so the document cannot drift from what Peerline does.
 *
 * Run `npm run docs` after changing the contract, a pack or an example.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { choosePack, evaluateService, payerPackIds } from '../engine/index.js';
import { PAYER_PACK_ID_PATTERN } from '../shared/programs.js';
import { ClaimPreviewRequestSchema, ClaimPreviewSchema } from '../shared/api/claims.js';
import { packageRoot } from '../config/index.js';

export const DOC_PATH = path.join(packageRoot(), 'docs', 'claim-preview.md');
export const EXAMPLES_DIR = path.join(packageRoot(), 'docs', 'examples');

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  default?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  const?: unknown;
}

/** One row per field: dotted path, type, whether required, default. */
function fieldRows(schema: JsonSchema, prefix: string, required: boolean): string[] {
  const rows: string[] = [];
  const name = prefix === '' ? '(body)' : `\`${prefix}\``;
  if (prefix !== '') {
    rows.push(`| ${name} | ${typeOf(schema)} | ${required ? 'yes' : 'no'} | ${defaultOf(schema)} |`);
  }
  const object = schema.properties === undefined ? schema.items : schema;
  if (object?.properties !== undefined) {
    const childPrefix = schema.properties === undefined ? `${prefix}[]` : prefix;
    for (const [key, child] of Object.entries(object.properties)) {
      const childPath = childPrefix === '' ? key : `${childPrefix}.${key}`;
      rows.push(...fieldRows(child, childPath, (object.required ?? []).includes(key)));
    }
  }
  return rows;
}

function typeOf(schema: JsonSchema): string {
  if (schema.enum !== undefined) {
    return `one of ${schema.enum.map((value) => `\`${String(value)}\``).join(', ')}`;
  }
  if (schema.const !== undefined) {
    return `\`${JSON.stringify(schema.const)}\``;
  }
  if (schema.anyOf !== undefined) {
    return schema.anyOf.map(typeOf).join(' or ');
  }
  if (schema.format === 'date') {
    return 'date `YYYY-MM-DD`';
  }
  if (schema.pattern === PAYER_PACK_ID_PATTERN.source) {
    return `payer pack id (built in: ${payerPackIds()
      .map((id) => `\`${id}\``)
      .join(', ')}; more from pack files)`;
  }
  if (schema.pattern === '^([01]\\d|2[0-3]):[0-5]\\d$') {
    return 'time `HH:MM`';
  }
  if (schema.type === 'array') {
    return schema.items === undefined
      ? 'list'
      : `list of ${schema.items.properties === undefined ? typeOf(schema.items) : 'objects'}`;
  }
  if (Array.isArray(schema.type)) {
    return schema.type.join(' or ');
  }
  return schema.type ?? 'any';
}

function defaultOf(schema: JsonSchema): string {
  if (schema.default === undefined) {
    return '';
  }
  const text = JSON.stringify(schema.default);
  return text.length > 40 ? '(see example)' : `\`${text}\``;
}

function table(schema: z.ZodType, io: 'input' | 'output'): string {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return ['| Field | Type | Required | Default |', '|---|---|---|---|', ...fieldRows(json, '', true)].join(
    '\n',
  );
}

export interface Example {
  file: string;
  request: unknown;
}

export function loadExamples(): Example[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((file) => /^preview-.*\.json$/.test(file))
    .sort()
    .map((file) => ({
      file,
      request: JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as unknown,
    }));
}

function exampleSection(example: Example): string {
  const request = ClaimPreviewRequestSchema.parse(example.request);
  const pack = choosePack(request);
  if (pack === undefined) {
    throw new Error(`${example.file}: no pack applies`);
  }
  const preview = evaluateService(pack, request);
  const errors = preview.problems.filter((problem) => problem.severity === 'error').length;
  return [
    `### ${pack.name} (\`${pack.id}\`) — \`docs/examples/${example.file}\``,
    '',
    `${preview.billable ? 'Billable' : 'Not billable'}: ${preview.lines
      .map(
        (line) =>
          `${line.code}${line.modifiers.length > 0 ? ` ${line.modifiers.join(' ')}` : ''}, ${line.units} units × $${(line.unitChargeCents / 100).toFixed(2)} charged = $${(line.chargeCents / 100).toFixed(2)}, expected payment ${line.expectedCents === null ? 'unknown (no rate on file)' : `$${(line.expectedCents / 100).toFixed(2)}`}, place of service ${line.placeOfService}`,
      )
      .join('; ')}; ${errors} error(s), ${preview.problems.length - errors} other problem(s).`,
    '',
    '<details><summary>Request</summary>',
    '',
    '```json',
    JSON.stringify(example.request, null, 2),
    '```',
    '',
    '</details>',
    '',
    'Answer:',
    '',
    '```json',
    JSON.stringify(preview, null, 2),
    '```',
  ].join('\n');
}

export function renderClaimPreviewDoc(): string {
  return `<!-- Generated by src/tools/claim-preview-doc.ts (npm run docs). Do not edit by hand. -->

# Claim preview

The claim preview judges **one self-contained service** under the payer's rules and answers with the claim
lines (HCPCS code, modifiers in order, units, charge, expected payment, place of service), every problem (severity,
plain-language message, the field it concerns, and its source: seed document, section, quote, rule id and
version), the room left under each limit after this service, the note's business-day due date, and the pack
and version used. It is the same pure function the note form calls while a peer types and the billing run
calls for each signed note; the date of service and all history come in with the request, so the answer never
depends on when it is asked.

- **API:** \`POST /api/v1/claims/preview\` (signed in, any role; JSON body as below). Add \`?explain=all\` to
  get \`checks\`: every rule evaluated, whether it passed, and each comparison it made (fact, operator, actual,
  expected).
- **CLI:** \`npx peerline preview FILE.json\` (or \`-\` / no file for standard input) prints the answer as JSON;
  \`--explain\` adds the checks. Bad input exits 1 and lists each problem as \`path: message\`.
- **Pack:** \`payerPack\` names it; otherwise the member's coverage on the date of service decides. The payer
  rules page (\`/payer-rules\`) and \`GET /api/v1/payer-packs\` list every pack's codes, rates, limits,
  settings and rules with their sources.
- **Fees:** \`fees\` carries the organisation's fee schedule in force for the payer on the date of service.
  A line's charge is units × the \`unitChargeCents\` of the fee whose code and modifiers are exactly the
  procedure's (a group's H0038 HQ never takes the individual H0038 fee; telehealth modifiers do not matter);
  with no such fee the line charges $0 and the error \`<pack>.charge.present\` asks billing staff to enter one.
  The expected payment is the fee's \`expectedUnitRateCents\`, else the pack's rate (California's H0025 is
  the H0038 rate on file ÷ 4.5), else unknown (\`null\`).
- **Severities:** \`error\` blocks the claim line (\`billable: false\`); \`warning\` lets it through but shows on
  the note and the worklist; \`info\` explains a choice the engine made.
- **Units:** direct minutes are end − start − gaps; 0–7 minutes is 0 units (an error), then a unit at the
  8th minute of each 15 (8–22 = 1, 23–37 = 2, …).

## Request

${table(ClaimPreviewRequestSchema, 'input')}

## Answer

${table(ClaimPreviewSchema, 'output')}

A problem is \`{ severity, code, message, path, source }\` — the same shape as every API error — so the form
puts each message beside the field its \`path\` names.

## Worked examples

Each example below is a file in \`docs/examples/\`; the answer is what the engine returns for it today.

${loadExamples().map(exampleSection).join('\n\n')}
`;
}

/** Writes the document (the `npm run docs` entry point). */
export function writeClaimPreviewDoc(): void {
  writeFileSync(DOC_PATH, renderClaimPreviewDoc());
}
