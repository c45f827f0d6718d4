/**
 * @module tools/write-docs
 * `npm run docs`: regenerates the documents that are built from the code.
 */
import { writeClaimPreviewDoc } from './claim-preview-doc.js';

writeClaimPreviewDoc();
process.stdout.write('Wrote docs/claim-preview.md\n');
