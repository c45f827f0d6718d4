/**
 * @module web/pages/payer-pack-page
 * Every role: one payer rule pack in full — codes, modifiers, place-of-service derivations, rates, limits,
 * settings (marking the choices made where the sources are silent) and every rule with its source quote,
 * and beside the pack's own rates the organisation's fees in force today for the payer (charge and expected
 * rate per service, from the fee schedule), with a link to the Fee schedule page for billing staff and admins.
 * Billing staff read it to bill; peers and supervisors to see why a claim was held. The rule filters live
 * in the URL query (`severity`, `q`), and `rule` highlights one rule and scrolls to it, so a link can point
 * at a single rule.
 */
import { useQuery } from '@tanstack/react-query';
import { Fragment, useEffect, useRef, useState } from 'react';
import type { JSX, Ref } from 'react';
import {
  Link,
  NavigationType,
  useLocation,
  useNavigationType,
  useParams,
  useSearchParams,
} from 'react-router';
import { SEVERITIES, hasAnyRole } from '../../../src/shared/index.js';
import type { PayerPackSummary, Severity } from '../../../src/shared/index.js';
import { apiQuery } from '../api/index.js';
import { SelectField, TextField } from '../components/fields.js';
import { QueryView } from '../components/load-state.js';
import type { Loadable } from '../components/load-state.js';
import { PageHeading } from '../components/page-heading.js';
import {
  Modifiers,
  None,
  PackFacts,
  ScrollTable,
  SeverityBadge,
  SourceQuote,
  formatPackValue,
  scopeLabel,
  severityLabel,
  severityMeaning,
} from '../components/payer-rules-parts.js';
import type { PayerRule } from '../components/payer-rules-parts.js';
import { expectedRateText, feeService } from '../lib/fee-lines.js';
import { formatCents, formatDate, todayLocalDate } from '../lib/format.js';
import { useSignedInSession } from '../session/session-context.js';

/** Query parameters of this page. */
const PARAM = { severity: 'severity', search: 'q', rule: 'rule' } as const;

/** Ids of the page's sections, for the "On this page" links. */
const SECTION = {
  codes: 'pack-codes',
  modifiers: 'pack-modifiers',
  placesOfService: 'pack-places-of-service',
  rates: 'pack-rates',
  fees: 'pack-fees',
  limits: 'pack-limits',
  settings: 'pack-settings',
  rules: 'pack-rules',
} as const;

export function PayerPackPage(): JSX.Element {
  const { packId = '' } = useParams();
  const packs = useQuery({ ...apiQuery('/api/v1/payer-packs'), select: (answer) => answer.packs });
  const pack = packs.data?.find((each) => each.id === packId);
  const heading =
    packs.data !== undefined && pack === undefined
      ? 'Payer rules pack not found'
      : (pack?.name ?? 'Payer rules');

  // The back link and heading stay the same elements while the pack loads, so the focus the app shell puts
  // on the heading after navigation is not lost when the pack arrives.
  return (
    <>
      <BackLink />
      <PageHeading title={pack === undefined ? heading : `${heading} – Payer rules`}>{heading}</PageHeading>
      <PackBody packId={packId} packs={packs} pack={pack} />
    </>
  );
}

interface PackBodyProps {
  packId: string;
  packs: Loadable<PayerPackSummary[]>;
  /** The pack named in the address, once the packs have loaded and it is among them. */
  pack: PayerPackSummary | undefined;
}

function PackBody({ packId, packs, pack }: PackBodyProps): JSX.Element {
  return (
    <QueryView query={packs} what="the payer rule pack">
      {() =>
        pack === undefined ? (
          <p>
            There is no payer rule pack <code>{packId}</code> on this server.{' '}
            <Link to="/payer-rules">See the packs that are loaded</Link>.
          </p>
        ) : (
          <PackDetail pack={pack} />
        )
      }
    </QueryView>
  );
}

function BackLink(): JSX.Element {
  return (
    <p className="back-link">
      <Link to="/payer-rules">All payer rules</Link>
    </p>
  );
}

function PackDetail({ pack }: { pack: PayerPackSummary }): JSX.Element {
  return (
    <>
      <p className="lead">{pack.description}</p>
      <PackFacts pack={pack} className="facts facts-wide">
        <div>
          <dt>Claim type</dt>
          <dd>Professional</dd>
        </div>
      </PackFacts>

      <nav aria-label="On this page" className="page-contents">
        <h2 className="page-contents-title">On this page</h2>
        <ul>
          <li>
            <a href={`#${SECTION.codes}`}>Codes</a>
          </li>
          <li>
            <a href={`#${SECTION.modifiers}`}>Modifiers</a>
          </li>
          <li>
            <a href={`#${SECTION.placesOfService}`}>Place of service</a>
          </li>
          <li>
            <a href={`#${SECTION.rates}`}>Rates</a>
          </li>
          <li>
            <a href={`#${SECTION.fees}`}>Your fees</a>
          </li>
          <li>
            <a href={`#${SECTION.limits}`}>Limits</a>
          </li>
          <li>
            <a href={`#${SECTION.settings}`}>Settings</a>
          </li>
          <li>
            <a href={`#${SECTION.rules}`}>Rules</a>
          </li>
        </ul>
      </nav>

      <Codes pack={pack} />
      <ModifierSection pack={pack} />
      <PlacesOfService pack={pack} />
      <Rates pack={pack} />
      <FeesInForce pack={pack} />
      <Limits pack={pack} />
      <Settings pack={pack} />
      <Rules pack={pack} />
    </>
  );
}

function Codes({ pack }: { pack: PayerPackSummary }): JSX.Element {
  const headingId = `${SECTION.codes}-heading`;
  return (
    <section id={SECTION.codes} aria-labelledby={headingId} className="pack-section">
      <h2 id={headingId}>Codes</h2>
      {pack.procedures.length === 0 ? (
        <p>This pack names no procedure codes.</p>
      ) : (
        <ScrollTable caption={`Procedure codes of ${pack.name}`}>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Modifiers</th>
              <th scope="col">Name</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {pack.procedures.map((procedure) => (
              <tr key={procedure.id}>
                <th scope="row">
                  <code>{procedure.code}</code>
                </th>
                <td>
                  <Modifiers modifiers={procedure.modifiers} />
                </td>
                <td className="cell-text">{procedure.name}</td>
                <td className="cell-source">
                  <SourceQuote citation={procedure.citation} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}

function ModifierSection({ pack }: { pack: PayerPackSummary }): JSX.Element {
  const headingId = `${SECTION.modifiers}-heading`;
  return (
    <section id={SECTION.modifiers} aria-labelledby={headingId} className="pack-section">
      <h2 id={headingId}>Modifiers</h2>
      <h3>Added automatically</h3>
      {pack.modifiers.length === 0 ? (
        <p>Peerline adds no modifiers by itself for this pack.</p>
      ) : (
        <DerivationTable
          caption="Modifiers Peerline adds automatically, and why"
          valueHeader="Modifier"
          whenHeader="Added when"
          rows={pack.modifiers.map((rule) => ({
            value: rule.modifier,
            reason: rule.reason,
            citation: rule.citation,
          }))}
        />
      )}
      <h3>Order on a claim line</h3>
      {pack.modifierOrder.length === 0 ? (
        <p>This pack sets no order: modifiers go on the line in the order they were added.</p>
      ) : (
        <>
          <p>When a line carries more than one modifier, they go in this order:</p>
          <ol className="modifier-order">
            {pack.modifierOrder.map((modifier) => (
              <li key={modifier}>
                <code>{modifier}</code>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

interface Derivation {
  value: string;
  reason: string;
  citation: PayerPackSummary['rules'][number]['citation'];
}

/** A value Peerline sets by itself (a modifier, a place of service), when it does so, and the source. */
function DerivationTable({
  caption,
  valueHeader,
  whenHeader,
  rows,
}: {
  caption: string;
  valueHeader: string;
  whenHeader: string;
  rows: readonly Derivation[];
}): JSX.Element {
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{valueHeader}</th>
          <th scope="col">{whenHeader}</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.value}-${row.reason}`}>
            <th scope="row">
              <code>{row.value}</code>
            </th>
            <td className="cell-text">{row.reason}</td>
            <td className="cell-source">
              <SourceQuote citation={row.citation} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function PlacesOfService({ pack }: { pack: PayerPackSummary }): JSX.Element {
  const headingId = `${SECTION.placesOfService}-heading`;
  return (
    <section id={SECTION.placesOfService} aria-labelledby={headingId} className="pack-section">
      <h2 id={headingId}>Place of service</h2>
      {pack.placeOfServiceRules.length === 0 ? (
        <p>The place of service is always the one recorded on the note.</p>
      ) : (
        <>
          <p>Peerline sets the place of service itself in these cases:</p>
          <DerivationTable
            caption="Places of service Peerline sets, and when"
            valueHeader="Place of service"
            whenHeader="Set when"
            rows={pack.placeOfServiceRules.map((rule) => ({
              value: rule.placeOfService,
              reason: rule.reason,
              citation: rule.citation,
            }))}
          />
        </>
      )}
    </section>
  );
}

/** A pack rate per unit in words: dollars, or the division of another code's rate the organisation has on file. */
function packRateText(rate: PayerPackSummary['rates'][number]): string {
  if (rate.unitRateCents !== null) return formatCents(rate.unitRateCents);
  if (rate.dividedFrom === null) return '—';
  const { code, modifiers, divisor } = rate.dividedFrom;
  return `${[code, ...modifiers].join(' ')} rate on file ÷ ${divisor}`;
}

function Rates({ pack }: { pack: PayerPackSummary }): JSX.Element {
  const headingId = `${SECTION.rates}-heading`;
  return (
    <section id={SECTION.rates} aria-labelledby={headingId} className="pack-section">
      <h2 id={headingId}>Rates</h2>
      {pack.rates.length === 0 ? (
        <p>This pack sets no rates.</p>
      ) : (
        <ScrollTable caption={`Rates of ${pack.name}, in US dollars per unit`}>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Modifiers</th>
              <th scope="col">Per unit</th>
              <th scope="col">Effective from</th>
              <th scope="col">Effective to</th>
              <th scope="col">Note</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {pack.rates.map((rate) => (
              <tr key={`${rate.code}-${rate.modifiers.join('-')}-${rate.effectiveFrom}`}>
                <th scope="row">
                  <code>{rate.code}</code>
                </th>
                <td>
                  <Modifiers modifiers={rate.modifiers} />
                </td>
                <td className="nowrap numeric">{packRateText(rate)}</td>
                <td className="nowrap">
                  <DateText iso={rate.effectiveFrom} />
                </td>
                <td className="nowrap">
                  {rate.effectiveTo === null ? 'No end date' : <DateText iso={rate.effectiveTo} />}
                </td>
                <td className="cell-text">{rate.note ?? <None />}</td>
                <td className="cell-source">
                  <SourceQuote citation={rate.citation} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}

/**
 * The organisation's prices for this payer in force today, from its fee schedule: what a claim dated today
 * would charge, and what the payer is expected to pay. Billing staff and admins get a link to change them.
 */
function FeesInForce({ pack }: { pack: PayerPackSummary }): JSX.Element {
  const headingId = `${SECTION.fees}-heading`;
  const today = todayLocalDate();
  const fees = useQuery({
    ...apiQuery('/api/v1/fee-schedule', { query: { payerPack: pack.id, on: today } }),
    select: (answer) => answer.fees,
  });
  const session = useSignedInSession();
  const keepsFees = hasAnyRole(session.user.roles, ['billing', 'admin']);
  return (
    <section id={SECTION.fees} aria-labelledby={headingId} className="pack-section">
      <h2 id={headingId}>Your fees in force today</h2>
      <p>
        What your organisation charges {pack.name} per unit on {formatDate(today)}, and what it expects to be
        paid, from your fee schedule. Claims bill the charge; a service without one is held until it is
        entered.
      </p>
      <QueryView query={fees} what="your fees for this payer">
        {(lines) =>
          lines.length === 0 ? (
            <p>Your organisation has no price on file for this payer today.</p>
          ) : (
            <ScrollTable caption={`Your fees for ${pack.name} in force on ${formatDate(today)}, per unit`}>
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col">Program</th>
                  <th scope="col" className="numeric">
                    Charge per unit
                  </th>
                  <th scope="col" className="numeric">
                    Expected per unit
                  </th>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.id}>
                    <th scope="row" className="nowrap">
                      <code>{feeService(line)}</code>
                    </th>
                    <td>{line.program?.name ?? 'All programs'}</td>
                    <td className="numeric">{formatCents(line.unitChargeCents)}</td>
                    <td className="numeric">{expectedRateText(line)}</td>
                    <td className="nowrap">
                      <DateText iso={line.effectiveFrom} />
                    </td>
                    <td className="nowrap">
                      {line.effectiveTo === null ? 'No end date' : <DateText iso={line.effectiveTo} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )
        }
      </QueryView>
      {keepsFees ? (
        <p>
          <Link to="/billing/fees">Change your prices on the Fee schedule page</Link>
        </p>
      ) : null}
    </section>
  );
}

function Limits({ pack }: { pack: PayerPackSummary }): JSX.Element {
  const headingId = `${SECTION.limits}-heading`;
  return (
    <section id={SECTION.limits} aria-labelledby={headingId} className="pack-section">
      <h2 id={headingId}>Limits</h2>
      {pack.limits.length === 0 ? (
        <p>This pack sets no limits.</p>
      ) : (
        <ScrollTable caption={`Limits of ${pack.name}`}>
          <thead>
            <tr>
              <th scope="col">Limit</th>
              <th scope="col">Period</th>
              <th scope="col">Maximum</th>
              <th scope="col">Unit</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {pack.limits.map((limit) => (
              <tr key={limit.id}>
                <th scope="row" className="cell-text">
                  {limit.label}
                </th>
                <td>{limit.period}</td>
                <td className="numeric">{formatPackValue(limit.max)}</td>
                <td>{limit.unit}</td>
                <td className="cell-source">
                  <SourceQuote citation={limit.citation} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}

function Settings({ pack }: { pack: PayerPackSummary }): JSX.Element {
  const headingId = `${SECTION.settings}-heading`;
  const choices = pack.settings.filter((setting) => setting.choice).length;
  return (
    <section id={SECTION.settings} aria-labelledby={headingId} className="pack-section">
      <h2 id={headingId}>Settings</h2>
      {pack.settings.length === 0 ? (
        <p>This pack has no settings.</p>
      ) : (
        <>
          <p>
            The values the rules use. Those marked <strong>Choice</strong> are decisions Peerline made where
            the sources are silent or unclear ({choices} of {pack.settings.length}).
          </p>
          <ScrollTable caption={`Settings of ${pack.name}`}>
            <thead>
              <tr>
                <th scope="col">Setting</th>
                <th scope="col">Value</th>
                <th scope="col">Description</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {pack.settings.map((setting) => (
                <tr key={setting.name}>
                  <th scope="row">
                    <code>{setting.name}</code>
                    {setting.choice ? (
                      <>
                        {' '}
                        <span className="badge badge-choice">Choice</span>
                      </>
                    ) : null}
                  </th>
                  <td className="cell-value">{formatPackValue(setting.value)}</td>
                  <td className="cell-text">{setting.description}</td>
                  <td className="cell-source">
                    {setting.citation === null ? (
                      'No source: a choice'
                    ) : (
                      <SourceQuote citation={setting.citation} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </>
      )}
    </section>
  );
}

type SeverityFilter = Severity | '';

function severityOf(value: string | null): SeverityFilter {
  return SEVERITIES.find((severity) => severity === value) ?? '';
}

/** True when the rule's ID, criterion or message contains every word of the search. */
function matchesSearch(rule: PayerRule, search: string): boolean {
  const words = search
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  const text = `${rule.id} ${rule.criterion} ${rule.message}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

const SEVERITY_OPTIONS = [
  { value: '', label: 'All severities' },
  ...SEVERITIES.map((severity) => ({ value: severity, label: severityLabel(severity) })),
];

const SEARCH_FIELD_ID = 'rule-search';

/** History state marking an address the search box wrote as the user typed. */
const FROM_SEARCH_BOX = 'payer-rules-search-box';

function Rules({ pack }: { pack: PayerPackSummary }): JSX.Element {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const navigationType = useNavigationType();
  const severity = severityOf(searchParams.get(PARAM.severity));
  const urlSearch = searchParams.get(PARAM.search) ?? '';
  const linkedRuleId = searchParams.get(PARAM.rule) ?? '';
  const headingId = `${SECTION.rules}-heading`;

  // The search box keeps its own text, since the router applies a new address a moment later and a box
  // bound to the address would drop keystrokes. The address follows the box; when it changes any other
  // way (a rule link, Clear filters, Back), the box follows the address.
  const [search, setSearch] = useState(urlSearch);
  const writtenByBox = location.state === FROM_SEARCH_BOX && navigationType !== NavigationType.Pop;
  useEffect(() => {
    if (!writtenByBox) {
      setSearch(urlSearch);
    }
    // Runs once per address: `writtenByBox` and `urlSearch` change only with `location.key`.
  }, [location.key]);

  const shown = pack.rules.filter(
    (rule) => (severity === '' || rule.severity === severity) && matchesSearch(rule, search),
  );
  const linkedRule = pack.rules.find((rule) => rule.id === linkedRuleId);
  const linkedHidden = linkedRule !== undefined && !shown.includes(linkedRule);

  // A filter change replaces the history entry (no entry per keystroke) and drops the highlighted rule.
  const setFilters = (next: { severity: SeverityFilter; search: string }, fromBox: boolean): void => {
    const query = new URLSearchParams();
    if (next.severity !== '') {
      query.set(PARAM.severity, next.severity);
    }
    if (next.search.trim() !== '') {
      query.set(PARAM.search, next.search);
    }
    setSearchParams(query, { replace: true, state: fromBox ? FROM_SEARCH_BOX : null });
  };
  const filtered = severity !== '' || search.trim() !== '';

  // A link to one rule: scroll to it and move focus there, so reading (and Tab) starts at that rule.
  const linked = useRef<HTMLElement>(null);
  useEffect(() => {
    if (linkedRuleId === '') {
      return;
    }
    linked.current?.scrollIntoView({ block: 'start' });
    linked.current?.focus({ preventScroll: true });
    // Every address naming a rule, including "Show it" and a second click on "Link to this rule".
  }, [location.key]);

  return (
    <section id={SECTION.rules} aria-labelledby={headingId} className="pack-section">
      <h2 id={headingId}>Rules</h2>
      <p>
        Every check Peerline makes for this payer. A rule’s severity says what happens to a claim that breaks
        it:
      </p>
      <ul className="severity-legend">
        {SEVERITIES.map((each) => (
          <li key={each}>
            <SeverityBadge severity={each} /> – {severityMeaning(each)}
          </li>
        ))}
      </ul>
      <p>Words in braces in a message, such as {'{service.placeOfService}'}, are filled in from the note.</p>

      <form
        role="search"
        aria-label="Filter rules"
        className="panel filters rule-filters"
        noValidate
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          id="rule-severity"
          name={PARAM.severity}
          label="Severity"
          value={severity}
          onValueChange={(value) => setFilters({ severity: severityOf(value), search }, false)}
          options={SEVERITY_OPTIONS}
        />
        <TextField
          id={SEARCH_FIELD_ID}
          name={PARAM.search}
          label="Search rules"
          hint="Rule ID, criterion or message."
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={search}
          onValueChange={(value) => {
            setSearch(value);
            setFilters({ severity, search: value }, true);
          }}
        />
        {filtered ? (
          <div className="button-row filters-buttons">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setSearchParams({}, { replace: true });
                // This button goes away with the filters: keep focus in the form.
                document.getElementById(SEARCH_FIELD_ID)?.focus();
              }}
            >
              Clear filters
            </button>
          </div>
        ) : null}
      </form>

      {linkedRuleId !== '' && linkedRule === undefined ? (
        <p className="notice notice-error">
          This pack has no rule <code>{linkedRuleId}</code>. It may belong to another pack: a rule’s ID starts
          with its pack’s ID.
        </p>
      ) : null}
      {linkedHidden ? (
        <p className="notice">
          The linked rule <code>{linkedRuleId}</code> is hidden by the filters.{' '}
          <Link to={{ search: new URLSearchParams({ [PARAM.rule]: linkedRuleId }).toString() }}>Show it</Link>
        </p>
      ) : null}

      <p role="status" className="table-count">
        {filtered
          ? `Showing ${shown.length} of ${pack.rules.length} rules.`
          : `${pack.rules.length} ${pack.rules.length === 1 ? 'rule' : 'rules'}.`}
      </p>
      {shown.length === 0 ? (
        <p>No rules match these filters.</p>
      ) : (
        <ol className="rule-list" aria-label={`Rules of ${pack.name}`}>
          {shown.map((rule) => (
            <li key={rule.id}>
              <RuleCard
                rule={rule}
                linked={rule.id === linkedRuleId}
                ref={rule.id === linkedRuleId ? linked : undefined}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

interface RuleCardProps {
  rule: PayerRule;
  /** The rule the address points at: highlighted, and labelled so in words. */
  linked: boolean;
  ref: Ref<HTMLElement> | undefined;
}

function RuleCard({ rule, linked, ref }: RuleCardProps): JSX.Element {
  const headingId = `${rule.id}-heading`;
  return (
    <article
      id={rule.id}
      ref={ref}
      tabIndex={linked ? -1 : undefined}
      aria-labelledby={headingId}
      className={linked ? 'rule rule-linked' : 'rule'}
    >
      <div className="rule-head">
        <h3 id={headingId} className="rule-id">
          <code>
            <BreakableId id={rule.id} />
          </code>
        </h3>
        <SeverityBadge severity={rule.severity} />
        {linked ? <span className="badge badge-linked">Linked rule</span> : null}
      </div>
      <p className="rule-criterion">{rule.criterion}</p>
      <dl className="facts">
        <div>
          <dt>Severity</dt>
          <dd>
            {severityLabel(rule.severity)}: {severityMeaning(rule.severity)}
          </dd>
        </div>
        <div>
          <dt>Applies to</dt>
          <dd>{scopeLabel(rule.scope)}</dd>
        </div>
        <div>
          <dt>In effect</dt>
          <dd>
            From <DateText iso={rule.effectiveFrom} />
            {rule.effectiveTo === null ? (
              ', no end date'
            ) : (
              <>
                {' '}
                to <DateText iso={rule.effectiveTo} />
              </>
            )}{' '}
            (version {rule.version})
          </dd>
        </div>
        <div>
          <dt>Message peers see</dt>
          <dd className="rule-message">{rule.message}</dd>
        </div>
        {rule.choice === null ? null : (
          <div>
            <dt>Choice</dt>
            <dd>{rule.choice}</dd>
          </div>
        )}
        <div>
          <dt>Source</dt>
          <dd>
            <SourceQuote citation={rule.citation} />
          </dd>
        </div>
      </dl>
      <p className="rule-link">
        <Link to={{ search: new URLSearchParams({ [PARAM.rule]: rule.id }).toString() }}>
          Link to this rule<span className="visually-hidden"> ({rule.id})</span>
        </Link>
      </p>
    </article>
  );
}

/** A dotted ID that may wrap after each dot on a narrow screen, rather than mid-word. */
function BreakableId({ id }: { id: string }): JSX.Element {
  const parts = id.split('.');
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index === 0 ? null : (
            <>
              .<wbr />
            </>
          )}
          {part}
        </Fragment>
      ))}
    </>
  );
}

function DateText({ iso }: { iso: string }): JSX.Element {
  return <time dateTime={iso}>{formatDate(iso)}</time>;
}
