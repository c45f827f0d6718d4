/**
 * Browser suite: a peer writes a plan of care with a member on a phone-sized screen — the first submit is
 * refused with each missing part named beside its field — and sends it for approval; their supervisor finds
 * it under "Plans to approve" and approves it, which shows the signature line; the peer then sees it as the
 * current plan with "Start update". Users and the member come from a documentation fixture in the test
 * server's database.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/shared/roles.js';
import {
  createDocumentationFixture,
  FIXTURE_PASSWORD,
  testContext,
  type DocumentationFixture,
} from '../../src/testing/index.js';
import { sidewaysScroll, useBrowserSuite } from './browser.js';

const suite = useBrowserSuite();
let fixture: DocumentationFixture;

beforeAll(async () => {
  fixture = await createDocumentationFixture(testContext(suite.server.store), 'browser-plans');
});

async function signInAs(page: Page, role: Role): Promise<void> {
  await page.goto(suite.server.url);
  await page.getByLabel('Email').fill(fixture.users[role].email);
  await page.getByLabel('Password').fill(FIXTURE_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Hello, /);
}

function heading(page: Page): Promise<string | null> {
  return page.getByRole('heading', { level: 1 }).textContent();
}

describe('plans of care', () => {
  it('a peer writes a plan of care and a supervisor approves it', async () => {
    const { page, server } = suite;
    const memberId = fixture.members[0]?.id ?? '';
    await page.setViewportSize({ width: 360, height: 740 });
    await signInAs(page, 'peer');
    await page.goto(`${server.url}/members/${memberId}/care-plans`);
    await expect.poll(() => heading(page)).toMatch(/^Plan of care/);
    await expect.poll(() => page.getByText('No plan of care has been approved').count()).toBe(1);
    await page.getByRole('button', { name: 'Write a plan of care' }).click();
    await expect.poll(() => heading(page)).toMatch(/^Plan of care, version 1/);

    // Sent empty, it is refused, each missing part named beside its field.
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect.poll(() => summary.textContent()).toContain('long-term goals');
    expect(await summary.textContent()).toContain('Add at least one short-term goal');
    expect(await summary.textContent()).toContain('took part');

    await page
      .getByLabel('Long-term goals, in the member’s own words')
      .fill('I want to move into my own apartment and feel at home there.');
    await page.getByRole('button', { name: 'Add a short-term goal' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('plan-goal-1-text');
    await page.getByLabel('Goal 1', { exact: true }).fill('Visit three apartments with my peer this month');
    await page.getByRole('button', { name: 'Add a short-term goal' }).click();
    await page.getByLabel('Goal 2', { exact: true }).fill('Set up a monthly budget');
    await page.getByLabel('The member took part in writing this plan').check();
    await page.getByLabel('The member agrees with this plan').check();
    // The second goal has no target date yet: the refusal links to that very field.
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await expect.poll(() => summary.textContent()).toContain('Give short-term goal 2 a target date');
    await summary.getByRole('link', { name: /goal 2 a target date/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('plan-goal-2-targetDate');
    await page.getByLabel('Target date of goal 1').fill('2030-01-31');
    await page.getByLabel('Target date of goal 2').fill('2030-02-28');
    await page.getByLabel('Status of goal 2').selectOption('in_progress');
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Sent for approval' }).count())
      .toBe(1);
    expect(await page.getByText('Waiting for approval').count()).toBeGreaterThan(0);
    // Sent, it is read-only for the peer.
    expect(await page.getByRole('button', { name: 'Submit for approval' }).count()).toBe(0);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);

    const supervisorContext = await suite.browser.newContext();
    const supervisor = await supervisorContext.newPage();
    await signInAs(supervisor, 'supervisor');
    await supervisor
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Plans to approve' })
      .click();
    await expect.poll(() => heading(supervisor)).toBe('Plans of care to approve');
    await supervisor
      .getByRole('link', { name: /^Fixture Member/ })
      .first()
      .click();
    await expect.poll(() => heading(supervisor)).toMatch(/^Plan of care, version 1/);
    expect(await supervisor.getByText('Visit three apartments with my peer this month').count()).toBe(1);
    await supervisor.getByRole('button', { name: 'Approve and sign' }).click();
    const signature = supervisor.getByLabel('Approval signature');
    const approver = await server.store.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', fixture.users.supervisor.id)
      .executeTakeFirstOrThrow();
    await expect
      .poll(() => signature.textContent())
      .toContain(`Approved and signed by ${approver.display_name}`);
    expect(await signature.textContent()).toContain('peer support supervisor');
    expect(await supervisor.getByRole('button', { name: 'Approve and sign' }).count()).toBe(0);
    await supervisorContext.close();

    await page.goto(`${server.url}/members/${memberId}/care-plans`);
    await expect.poll(() => page.getByRole('row', { name: /Version 1 \(current\)/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Start update' }).count()).toBe(1);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  });
});
