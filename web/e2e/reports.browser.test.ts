/**
 * Browser suite: the reports page in Chromium on a 375 px screen. Billing staff bill the demo organisation's
 * signed notes with a real billing run, open Reports from the navigation and find the billed total in the
 * table, the peer's timeliness in a row, each chart named and described in words, and CSV links that
 * download the same report for the same filters; the filters travel in the URL, and the tables scroll in
 * their own regions rather than widening the page.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { signIn, useBrowserSuite } from './browser.js';

const suite = useBrowserSuite();

function demoName(role: 'peer'): string {
  const login = suite.server.demo.logins.find((entry) => entry.role === role);
  if (login === undefined) throw new Error(`no demo ${role}`);
  return login.displayName;
}

/**
 * What the billed report should total: current, counting claim lines of the demo organisation in the range,
 * and the payer of the largest share.
 */
async function billedByPayer(from: string, to: string): Promise<{ payerPack: string; cents: number }[]> {
  const rows = await suite.server.store.db
    .selectFrom('claim_lines as l')
    .innerJoin('claims as c', 'c.id', 'l.claim_id')
    .select(['c.payer_pack', sql<string>`sum(l.charge_cents)`.as('cents')])
    .where('l.organisation_id', '=', suite.server.demo.organisationId)
    .where('l.current', '=', true)
    .where('l.counts', '=', true)
    .where('l.date_of_service', '>=', from)
    .where('l.date_of_service', '<=', to)
    .groupBy('c.payer_pack')
    .execute();
  return rows
    .map((row) => ({ payerPack: row.payer_pack, cents: Number(row.cents) }))
    .sort((a, b) => b.cents - a.cents);
}

describe('reports', () => {
  it('shows billing staff billed amounts, timeliness and authorization use, each with a chart and a CSV link', async () => {
    const { page, server } = suite;
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, server, 'billing');

    // Bill what the demo has signed, through the API as the billing page does.
    const run = await page.evaluate(async () => {
      const started = await fetch('/api/v1/billing/runs', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ from: '2020-01-01', to: new Date().toISOString().slice(0, 10) }),
      });
      let body = (await started.json()) as { id: string; status: string };
      for (let attempt = 0; attempt < 200 && body.status === 'running'; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        body = (await (await fetch(`/api/v1/billing/runs/${body.id}`)).json()) as typeof body;
      }
      return body;
    });
    expect(run.status).toBe('finished');

    // On a phone the navigation is still a list of links.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Reports');
    const from = await page.getByLabel('First date of service').inputValue();
    const to = await page.getByLabel('Last date of service').inputValue();
    const payers = await billedByPayer(from, to);
    const cents = payers.reduce((sum, payer) => sum + payer.cents, 0);
    expect(cents).toBeGreaterThan(0);
    const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(
      cents / 100,
    );

    const billed = page.getByRole('region', { name: 'Billed by payer, program, peer, code and month' });
    await expect.poll(() => billed.getByRole('row', { name: /^Total/ }).textContent()).toContain(dollars);
    expect(await billed.getByRole('row').nth(1).textContent()).toContain('H0038');
    const billedChart = page.getByRole('img', { name: 'Charged by month' });
    const description = await billedChart.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${description ?? ''}"]`).textContent()).toMatch(
      /: \$[\d,]+\.\d\d charged, \$[\d,]+\.\d\d expected \(\d+ units\)/,
    );

    const peerName = demoName('peer');
    const byPeer = page.getByRole('region', { name: 'Timeliness by peer' });
    await expect.poll(() => byPeer.getByRole('row', { name: new RegExp(`^${peerName}`) }).count()).toBe(1);
    const timelinessChart = page.getByRole('img', { name: 'Share of notes signed on time, by peer' });
    const timelinessDescription = await timelinessChart.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${timelinessDescription ?? ''}"]`).textContent()).toMatch(
      new RegExp(`${peerName}: \\d+\\.\\d% on time \\(\\d+ of \\d+\\)`),
    );
    await expect
      .poll(() => page.getByRole('region', { name: 'Authorization use' }).textContent())
      .toMatch(/Download authorization use as CSV/);

    // The tables scroll inside their regions; the page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // Filters go into the URL, and the CSV links follow them.
    const payer = payers[0];
    if (payer === undefined) throw new Error('nothing billed');
    await page.getByLabel('Payer', { exact: true }).selectOption(payer.payerPack);
    await page.getByRole('button', { name: 'Show reports' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('payerPack')).toBe(payer.payerPack);
    const link = page.getByRole('link', { name: 'Download billed units and amounts as CSV' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toBe(`/api/v1/reports/billed.csv?from=${from}&to=${to}&payerPack=${payer.payerPack}`);
    const csv = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        text: await response.text(),
      };
    }, href);
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'month,payer,program,peer,code,lines,units,charge,expected_payment,lines_without_rate',
    );
    // The charge is the third column from the end.
    const total = lines
      .slice(1)
      .reduce((sum, line) => sum + Math.round(Number(line.split(',').at(-3)) * 100), 0);
    expect(total).toBe(payer.cents);
  });
});
