/**
 * @module cli/preview
 * `peerline preview [FILE]`: judges one service as a claim, offline. Reads a claim preview request (the JSON
 * body of `POST /api/v1/claims/preview`) from FILE or standard input, and prints the preview as JSON. It
 * needs no database and no configuration: the payer rules are part of Peerline.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { z } from 'zod';
import { ClaimPreviewRequestSchema, type ClaimPreviewRequest } from '../shared/api/claims.js';
import { fieldOfPath, plainValidationMessage } from '../shared/problem.js';
import { previewClaim } from '../services/claims/index.js';
import { ServiceError } from '../services/errors.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** The FILE argument that means standard input. */
const STDIN = '-';

interface PreviewOptions {
  explain?: boolean;
}

/**
 * Adds the `preview` command to `program`.
 *
 * @param program - the root `peerline` command
 * @param io - where the command reads standard input and writes its output
 */
export function addPreviewCommand(program: Command, io: CliIo): void {
  program
    .command('preview')
    .summary('Judge one service as a claim from a JSON request and print the preview (no database needed).')
    .description(
      'Judge one service as a claim under its payer’s rules, without a database. Reads a claim preview request (JSON, as for POST /api/v1/claims/preview) from FILE, or from standard input when FILE is - or left out, and prints the preview as JSON. Exits 0 whenever it prints a preview ("billable" says whether the service can be billed) and 1 when the request cannot be judged.',
    )
    .argument('[file]', 'the request as a JSON file; - or nothing for standard input')
    .option('--explain', 'include every rule checked, with the values it compared ("checks")')
    .addHelpText(
      'after',
      '\nExamples:\n  peerline preview docs/examples/preview-ca-dhcs.json\n  peerline preview --explain - < request.json',
    )
    .action(async (file: string | undefined, options: PreviewOptions) => {
      const fromStdin = file === undefined || file === STDIN;
      const source = fromStdin ? 'Standard input' : file;
      const text = fromStdin ? await io.readStdin() : await readRequestFile(file);
      const request = parseRequest(text, source);
      try {
        const preview = previewClaim(request, { explainAll: options.explain === true });
        io.out(JSON.stringify(preview, null, 2));
      } catch (error) {
        if (error instanceof ServiceError) {
          throw new UsageError(
            error.problems.map((problem) => `${fieldOfPath(problem.path)}: ${problem.message}`).join('\n'),
          );
        }
        throw error;
      }
    });
}

async function readRequestFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    switch (code) {
      case 'ENOENT':
        throw new UsageError(`Cannot read ${file}: there is no such file.`);
      case 'EISDIR':
        throw new UsageError(`Cannot read ${file}: it is a directory; name a JSON file.`);
      case 'EACCES':
        throw new UsageError(`Cannot read ${file}: permission denied.`);
      default:
        throw new UsageError(
          `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
        );
    }
  }
}

/** Parses and validates the request; every schema problem becomes one `path: message` line. */
function parseRequest(text: string, source: string): ClaimPreviewRequest {
  if (text.trim() === '') {
    throw new UsageError(
      `${source} is empty. Give a claim preview request as JSON, e.g. docs/examples/preview-ca-dhcs.json.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `${source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const result = ClaimPreviewRequestSchema.safeParse(json);
  if (!result.success) {
    throw new UsageError(result.error.issues.map(issueLine).join('\n'));
  }
  return result.data;
}

function issueLine(issue: z.core.$ZodIssue): string {
  const segments = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
  const path = segments.length === 0 ? '(request)' : segments.join('.');
  const field = segments.length === 0 ? 'the request' : String(segments[segments.length - 1]);
  return `${path}: ${plainValidationMessage(field, issue.message)}`;
}
