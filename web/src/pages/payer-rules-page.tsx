/**
 * @module web/pages/payer-rules-page
 * Every role: the payer rule packs Peerline checks claims against, each with its version, the pack it
 * builds on, what it covers and the documents it rests on, linking to the pack's own page.
 */
import { useQuery } from '@tanstack/react-query';
import type { JSX } from 'react';
import { Link } from 'react-router';
import type { PayerPackSummary } from '../../../src/shared/index.js';
import { apiQuery } from '../api/index.js';
import { QueryView } from '../components/load-state.js';
import { PageHeading } from '../components/page-heading.js';
import { PackFacts, payerPackPath } from '../components/payer-rules-parts.js';

export function PayerRulesPage(): JSX.Element {
  return (
    <>
      <PageHeading title="Payer rules">Payer rules</PageHeading>
      <p className="lead">
        The rules Peerline checks each claim against, one pack per payer, with the policy text behind every
        rule, code and rate.
      </p>
      <PackList />
    </>
  );
}

function PackList(): JSX.Element {
  const packs = useQuery({ ...apiQuery('/api/v1/payer-packs'), select: (answer) => answer.packs });
  return (
    <QueryView query={packs} what="the payer rule packs">
      {(loaded) => <PackCards packs={loaded} />}
    </QueryView>
  );
}

function PackCards({ packs }: { packs: readonly PayerPackSummary[] }): JSX.Element {
  if (packs.length === 0) {
    return <p>No payer rule packs are loaded on this server.</p>;
  }
  // An example of a rule id from the packs this server has (which packs those are is the server's to say).
  const example = packs.find((pack) => pack.rules.length > 0)?.rules[0]?.id;
  return (
    <>
      <p>
        When a claim is held, its message names the rule that held it
        {example === undefined ? null : (
          <>
            {' '}
            (for example <code>{example}</code>)
          </>
        )}
        . The rule’s ID starts with its pack’s ID: open that pack to read the rule and its source.
      </p>
      <ul className="card-list pack-list" aria-label="Payer rule packs">
        {packs.map((pack) => (
          <li key={pack.id} className="card">
            <PackCard pack={pack} />
          </li>
        ))}
      </ul>
    </>
  );
}

function PackCard({ pack }: { pack: PayerPackSummary }): JSX.Element {
  const headingId = `pack-${pack.id}`;
  return (
    <article aria-labelledby={headingId}>
      <h2 id={headingId} className="card-heading">
        <Link to={payerPackPath(pack.id)}>{pack.name}</Link>
      </h2>
      <p>{pack.description}</p>
      <PackFacts pack={pack} className="facts">
        <div>
          <dt>Contents</dt>
          <dd>
            {countOf(pack.rules.length, 'rule')}, {countOf(pack.rates.length, 'rate')},{' '}
            {countOf(pack.settings.length, 'setting')}
          </dd>
        </div>
      </PackFacts>
    </article>
  );
}

function countOf(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}
