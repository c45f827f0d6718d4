/**
 * @module web/components/payer-rules-parts
 * Small pieces of the payer rules pages: their addresses, a rule's severity and scope in words, a source
 * quotation, a setting's value, a table that scrolls inside its own region, and an empty cell.
 */
import { useId } from 'react';
import type { JSX, ReactNode } from 'react';
import { Link } from 'react-router';
import type { PayerPackSummary, Severity } from '../../../src/shared/index.js';
import { usePayerName } from '../lib/payers.js';

export type PayerRule = PayerPackSummary['rules'][number];
export type RuleScope = PayerRule['scope'];
export type Citation = PayerRule['citation'];
/** A setting's value or a limit's maximum, as the pack states it. */
export type PackValue = PayerPackSummary['settings'][number]['value'];

/** The address of a pack's page; with `ruleId`, one that highlights and scrolls to that rule. */
export function payerPackPath(packId: string, ruleId?: string): string {
  const path = `/payer-rules/${encodeURIComponent(packId)}`;
  return ruleId === undefined ? path : `${path}?${new URLSearchParams({ rule: ruleId }).toString()}`;
}

export function severityLabel(severity: Severity): string {
  switch (severity) {
    case 'error':
      return 'Error';
    case 'warning':
      return 'Warning';
    case 'info':
      return 'Info';
  }
}

/** What a rule of this severity does to a claim that breaks it. */
export function severityMeaning(severity: Severity): string {
  switch (severity) {
    case 'error':
      return 'the claim is held until it is put right.';
    case 'warning':
      return 'the claim can still be billed, but someone should check it.';
    case 'info':
      return 'a note for the peer or billing staff; nothing needs fixing.';
  }
}

export function scopeLabel(scope: RuleScope): string {
  switch (scope) {
    case 'claim':
      return 'Each claim';
    case 'staff':
      return 'The staff member who provided the service';
  }
}

/** The severity as a word in a badge; the colour only repeats what the word says. */
export function SeverityBadge({ severity }: { severity: Severity }): JSX.Element {
  return <span className={`badge badge-severity-${severity}`}>{severityLabel(severity)}</span>;
}

/** "96", "HK, SC", "Yes": a setting's value or a limit's maximum in words. */
export function formatPackValue(value: PackValue): string {
  if (Array.isArray(value)) {
    return value.length === 0 ? 'None' : value.join(', ');
  }
  if (typeof value === 'boolean') {
    return value ? 'Yes' : 'No';
  }
  return String(value);
}

/** The quotation a rule, rate or code rests on: the quote, then the document and section it comes from. */
export function SourceQuote({ citation }: { citation: Citation }): JSX.Element {
  return (
    <figure className="citation">
      <blockquote>
        <p>{citation.quote}</p>
      </blockquote>
      <figcaption>
        <cite>{citation.document}</cite>
        {citation.section === '' ? null : <>, {citation.section}</>}
      </figcaption>
    </figure>
  );
}

export interface ScrollTableProps {
  /** Names the table and its scrolling region for screen readers. */
  caption: string;
  /** The `<thead>` and `<tbody>`. */
  children: ReactNode;
}

/** A table that scrolls sideways inside its own focusable region on narrow screens. */
export function ScrollTable({ caption, children }: ScrollTableProps): JSX.Element {
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table pack-table">
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

/** An empty value, said as "none" to screen readers rather than "dash". */
export function None(): JSX.Element {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">none</span>
    </>
  );
}

/** Modifiers as code, or "none". */
export function Modifiers({ modifiers }: { modifiers: readonly string[] }): JSX.Element {
  if (modifiers.length === 0) {
    return <None />;
  }
  return (
    <ul className="inline-list">
      {modifiers.map((modifier) => (
        <li key={modifier}>
          <code>{modifier}</code>
        </li>
      ))}
    </ul>
  );
}

/**
 * What identifies a pack — id, version, the pack it builds on, its sources — with page-specific rows
 * (`children`) between version and sources.
 */
export function PackFacts({
  pack,
  className,
  children,
}: {
  pack: PayerPackSummary;
  className: string;
  children: ReactNode;
}): JSX.Element {
  const payerName = usePayerName();
  return (
    <dl className={className}>
      <div>
        <dt>ID</dt>
        <dd>
          <code>{pack.id}</code>
        </dd>
      </div>
      <div>
        <dt>Version</dt>
        <dd>{pack.version}</dd>
      </div>
      {pack.extends === null ? null : (
        <div>
          <dt>Builds on</dt>
          <dd>
            <Link to={payerPackPath(pack.extends)}>{payerName(pack.extends)}</Link>{' '}
            <code>{pack.extends}</code>
          </dd>
        </div>
      )}
      {children}
      <div>
        <dt>Sources</dt>
        <dd>
          {pack.sources.length === 0 ? (
            'None listed'
          ) : (
            <ul className="plain-list">
              {pack.sources.map((source) => (
                <li key={source}>
                  <cite>{source}</cite>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}
