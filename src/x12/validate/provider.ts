/**
 * @module x12/validate/provider
 * The providers of an 837P: the billing provider (2000A/2010AA: name, NPI, taxonomy, EIN, ZIP+4 address) and
 * each claim's rendering provider (2310B), checked only when it is not the billing provider, since the writer
 * leaves 2310B out then.
 */
import type { BillingProvider837, RenderingProvider837 } from '../types.js';
import { digitsOf } from '../values.js';
import { X12_PROBLEM_CODES } from './codes.js';
import type { Path, Problems } from './problems.js';
import { TEXT_RULES } from './text-rules.js';
import { checkAddress, checkNpi, checkTaxonomy, checkText } from './values.js';

/** Rendering providers remembered as clean, at most: a batch of very many cannot grow the map without limit. */
const MAX_KNOWN_PROVIDERS = 4096;

export function checkBillingProvider(problems: Problems, billing: BillingProvider837): void {
  const path: Path = ['billingProvider'];
  checkText(problems, billing.name, path, 'name', TEXT_RULES.billingName);
  checkNpi(problems, billing.npi, path, 'npi', "the billing provider's NPI", '2010AA NM109');
  checkTaxonomy(
    problems,
    billing.taxonomy,
    path,
    'taxonomy',
    "the billing provider's taxonomy",
    '2000A PRV03',
  );
  if (!/^\d{9}$/.test(digitsOf(billing.taxId))) {
    problems.add(
      X12_PROBLEM_CODES.taxId,
      `Correct the billing provider's EIN "${billing.taxId}": it is nine digits, e.g. 00-1234567.`,
      [...path, 'taxId'],
      '2010AA REF02 (EI)',
    );
  }
  checkAddress(problems, billing.address, [...path, 'address'], '2010AA', true);
}

/**
 * The rendering providers of one batch. The billing export builds a fresh provider object for every claim, and
 * a batch has few peers and many claims, so on the fast path a provider with the values of one already found
 * clean is not checked again. Only clean ones are kept, so the skip never hides a problem (a faulty one is
 * checked, and reported, again with each claim).
 */
export class RenderingProviderChecks {
  /** Rendering providers found clean, by NPI as given. */
  private readonly clean = new Map<string, RenderingProvider837>();

  constructor(private readonly billingNpi: string) {}

  /** @param claimPath - the claim's path; the provider's is built from it only when it is checked */
  check(problems: Problems, rendering: RenderingProvider837, claimPath: Path): void {
    if (rendering.npi.trim() === this.billingNpi) {
      return;
    }
    if (problems.fastPaths && this.isKnownClean(rendering)) {
      return;
    }
    const before = problems.list.length;
    const path = [...claimPath, 'renderingProvider'];
    checkNpi(problems, rendering.npi, path, 'npi', "the rendering provider's NPI", '2310B NM109');
    checkText(problems, rendering.last, path, 'last', TEXT_RULES.renderingLast);
    checkText(problems, rendering.first, path, 'first', TEXT_RULES.renderingFirst);
    checkTaxonomy(
      problems,
      rendering.taxonomy,
      path,
      'taxonomy',
      "the rendering provider's taxonomy",
      '2310B PRV03',
    );
    if (problems.list.length === before) {
      if (this.clean.size >= MAX_KNOWN_PROVIDERS) {
        this.clean.clear();
      }
      this.clean.set(rendering.npi, rendering);
    }
  }

  /** True when `rendering` has the values of a rendering provider already found clean in this batch. */
  private isKnownClean(rendering: RenderingProvider837): boolean {
    const clean = this.clean.get(rendering.npi);
    return (
      clean !== undefined &&
      (clean === rendering ||
        (clean.last === rendering.last &&
          clean.first === rendering.first &&
          clean.taxonomy === rendering.taxonomy))
    );
  }
}
