/**
 * Browser suite: the payer rules pages. Billing staff open them from the navigation, find every pack the
 * server has loaded, read California Medi-Cal's rates and a rule with its source quote, and narrow the rules
 * by severity and search; a link can point at one rule; a peer can read them too; the pack page fits a
 * phone. The suite holds whatever packs are loaded: it checks ca-dhcs in detail and the others by the API.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PayerPackListResponseSchema } from '../../src/shared/index.js';
import type { PayerPackSummary } from '../../src/shared/index.js';
import { sidewaysScroll, signIn, useBrowserSuite } from './browser.js';

const suite = useBrowserSuite();

const CA_DHCS = 'ca-dhcs';
const POS_RULE = 'ca-dhcs.pos.excluded';

/** The packs as the API lists them to the signed-in user of `page`. */
async function packsFromApi(page: Page): Promise<PayerPackSummary[]> {
  const body = await page.evaluate(async (): Promise<unknown> => {
    const response = await fetch('/api/v1/payer-packs', { headers: { Accept: 'application/json' } });
    return response.json();
  });
  return PayerPackListResponseSchema.parse(body).packs;
}

async function openPayerRules(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Payer rules' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Payer rules');
}

/** Opens a pack from the list by the link in its card's heading. */
async function openPack(page: Page, pack: PayerPackSummary): Promise<void> {
  await page.getByRole('heading', { level: 2, name: pack.name, exact: true }).getByRole('link').click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(pack.name);
}

/** The rule cards shown on a pack page. */
function ruleCards(page: Page): ReturnType<Page['getByRole']> {
  return page.getByRole('list', { name: /^Rules of / }).getByRole('article');
}

describe('payer rules', () => {
  it('billing staff see every loaded pack, then ca-dhcs with its rates and the source of a rule', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'billing');
    await openPayerRules(page);
    const packs = await packsFromApi(page);
    expect(packs.map((pack) => pack.id)).toContain(CA_DHCS);

    // Every pack the API lists is shown, by name and id, and nothing else.
    const list = page.getByRole('list', { name: 'Payer rule packs' });
    await expect.poll(() => list.getByRole('article').count()).toBe(packs.length);
    for (const pack of packs) {
      const card = list.getByRole('article', { name: pack.name, exact: true });
      expect(await card.count()).toBe(1);
      expect(await card.textContent()).toContain(pack.id);
      expect(await card.textContent()).toContain(pack.version);
    }

    const caDhcs = packs.find((pack) => pack.id === CA_DHCS);
    if (caDhcs === undefined) {
      throw new Error('ca-dhcs is not loaded');
    }
    await openPack(page, caDhcs);

    // Rates are shown in dollars from the cents the API sends.
    const rates = page.getByRole('region', { name: /^Rates of / });
    expect(await rates.getByRole('row').filter({ hasText: 'H0038' }).textContent()).toContain('$46.67');
    expect(await rates.getByRole('row').filter({ hasText: 'H0025' }).textContent()).toContain('$10.37');

    // The rule that holds a claim billed for a prison stay, with the table text it rests on.
    const rule = page.getByRole('article', { name: POS_RULE, exact: true });
    expect(await rule.count()).toBe(1);
    expect(await rule.getByText('Error', { exact: true }).count()).toBeGreaterThan(0);
    expect(await rule.locator('blockquote').textContent()).toContain('All except 09');

    // Filtering by severity shrinks the list to rules of that severity, and the address says so.
    const all = caDhcs.rules.length;
    const warnings = caDhcs.rules.filter((each) => each.severity === 'warning').length;
    expect(await ruleCards(page).count()).toBe(all);
    await page.getByLabel('Severity').selectOption('warning');
    await expect.poll(() => ruleCards(page).count()).toBe(warnings);
    expect(warnings).toBeGreaterThan(0);
    expect(warnings).toBeLessThan(all);
    expect(new URL(page.url()).searchParams.get('severity')).toBe('warning');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Showing' }).textContent())
      .toBe(`Showing ${warnings} of ${all} rules.`);

    // A search typed key by key (no keystroke lost to the address update) finds that one rule.
    await page.getByLabel('Severity').selectOption('');
    const searchBox = page.getByRole('searchbox', { name: 'Search rules' });
    await searchBox.focus();
    await page.keyboard.type('pos.excluded');
    await expect.poll(() => ruleCards(page).count()).toBe(1);
    expect(await searchBox.inputValue()).toBe('pos.excluded');
    expect(await ruleCards(page).getByRole('heading').textContent()).toBe(POS_RULE);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('pos.excluded');

    // Clear filters brings every rule back and empties the box.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => ruleCards(page).count()).toBe(all);
    expect(await searchBox.inputValue()).toBe('');
  });

  it('a link to one rule highlights it and moves focus there', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'billing');
    await page.goto(`${server.url}/payer-rules/${CA_DHCS}?rule=${POS_RULE}`);
    const rule = page.getByRole('article', { name: POS_RULE, exact: true });
    await expect.poll(() => rule.getByText('Linked rule').count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(POS_RULE);
    // Only that rule is marked.
    expect(await page.getByText('Linked rule', { exact: true }).count()).toBe(1);
  });

  it('a peer opens the payer rules from the navigation, to see why a claim was held', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'peer');
    await openPayerRules(page);
    const packs = await packsFromApi(page);
    const list = page.getByRole('list', { name: 'Payer rule packs' });
    await expect.poll(() => list.getByRole('article').count()).toBe(packs.length);
    const caDhcs = packs.find((pack) => pack.id === CA_DHCS);
    if (caDhcs === undefined) {
      throw new Error('ca-dhcs is not loaded');
    }
    await openPack(page, caDhcs);
    expect(await page.getByRole('article', { name: POS_RULE, exact: true }).count()).toBe(1);
  });

  it('fits the pack page into 375 pixels: only the tables scroll sideways, inside their own regions', async () => {
    const { page, server } = suite;
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn(page, server, 'supervisor');
    await page.goto(`${server.url}/payer-rules/${CA_DHCS}`);
    await expect.poll(() => ruleCards(page).count()).toBeGreaterThan(0);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  });
});
