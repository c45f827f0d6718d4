/**
 * Every citation in every pack quotes its source: the quote (pieces joined by "…" in order) appears in the
 * cited document in docs/sources — the five seeds, the rules catalog and the research notes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allPacks } from './index.js';

const SOURCES = path.resolve(import.meta.dirname, '../../../docs/sources');

function normalise(text: string): string {
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/[*\\]/g, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .trim();
}

const documents = new Map<string, string>();
function documentText(name: string): string {
  let text = documents.get(name);
  if (text === undefined) {
    text = normalise(readFileSync(path.join(SOURCES, name), 'utf8'));
    documents.set(name, text);
  }
  return text;
}

interface CitationUse {
  where: string;
  citation: { document: string; section: string; quote: string };
}

function citationsOf(): CitationUse[] {
  return allPacks().flatMap((pack) => [
    ...pack.rules.map((rule) => ({ where: `${pack.id} rule ${rule.id}`, citation: rule.citation })),
    ...pack.procedures.map((item) => ({ where: `${pack.id} procedure ${item.id}`, citation: item.citation })),
    ...pack.rates.map((rate) => ({ where: `${pack.id} rate ${rate.code}`, citation: rate.citation })),
    ...pack.limits.map((limit) => ({ where: `${pack.id} limit ${limit.id}`, citation: limit.citation })),
    ...pack.modifierRules.map((rule) => ({
      where: `${pack.id} modifier ${rule.modifier}`,
      citation: rule.citation,
    })),
    ...pack.placeOfServiceRules.map((rule) => ({
      where: `${pack.id} place of service ${rule.placeOfService}`,
      citation: rule.citation,
    })),
    ...Object.entries(pack.settings).flatMap(([name, setting]) =>
      setting.citation === undefined
        ? []
        : [{ where: `${pack.id} setting ${name}`, citation: setting.citation }],
    ),
  ]);
}

describe('pack citations', () => {
  it.each(citationsOf().map((use) => [use.where, use] as const))('%s quotes its source', (_where, use) => {
    const text = documentText(use.citation.document);
    let from = 0;
    for (const piece of use.citation.quote
      .split('…')
      .map(normalise)
      .filter((part) => part !== '')) {
      const found = text.indexOf(piece, from);
      expect(
        found,
        `"${piece}" not found in ${use.citation.document} after position ${from}`,
      ).toBeGreaterThanOrEqual(0);
      from = found + piece.length;
    }
  });
});
