// The Findings tab and the group roll-up in the built app, on the demo scenario with acme
// onboarded (findingsScenario.ts): payments-api → Findings → Critical + with fix → one CVE, the
// URL reproducing the view; the guests group's roll-up card, worst component first. Screenshots
// of both themes go to e2e/artifacts/shots.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { connectorSection, defenderCard, statusOf } from './defenderCard.ts';
import { writeFindingsScenario } from './findingsScenario.ts';
import { artifactsDir, startStack, type Stack } from './stack.ts';

const shotsDir = join(artifactsDir, 'shots');
let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];

before(async () => {
  mkdirSync(shotsDir, { recursive: true });
  stack = await startStack({ scenario: writeFindingsScenario() });
  browser = await launchBrowser();
});

afterEach(async t => {
  const name = t.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 50);
  for (const [i, p] of contexts.flatMap(c => c.pages()).entries()) {
    await p.screenshot({ path: join(artifactsDir, `last-${name}-${i}.png`) });
  }
  await Promise.all(contexts.splice(0).map(c => c.close()));
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signedIn(theme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
  });
  contexts.push(context);
  await context.addInitScript(t => localStorage.setItem('theme', t), theme);
  const page = await context.newPage();
  await page.goto(stack.baseUrl);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('link', { name: 'Catalog' }).first().waitFor();
  return page;
}

/**
 * Opens payments-api until its card shows acme Healthy: the connector Resources, which decide
 * who may read a connector, reach the catalog a minute or so after the backend starts.
 */
async function openPaymentsApi(page: Page): Promise<void> {
  const section = connectorSection(defenderCard(page), 'acme');
  const deadline = Date.now() + 150_000;
  for (;;) {
    await page.goto(`${stack.baseUrl}/catalog/default/component/payments-api`);
    await section.waitFor({ timeout: 60_000 });
    if ((await statusOf(section).innerText()) === 'Healthy') return;
    assert.ok(Date.now() < deadline, await statusOf(section).innerText());
    await page.waitForTimeout(5_000);
  }
}

async function assertAccessible(part: Locator) {
  await part.evaluate(el => el.setAttribute('data-axe-under-test', ''));
  const { violations } = await new AxeBuilder({ page: part.page() })
    .include('[data-axe-under-test]')
    .analyze();
  await part.evaluate(el => el.removeAttribute('data-axe-under-test'));
  assert.deepEqual(
    violations.map(v => `${v.id}: ${v.nodes.map(n => n.target).join(' | ')}`),
    [],
  );
}

const findingsTable = (page: Page) =>
  page.getByRole('grid', {
    name: 'Open vulnerability findings of this entity’s images',
  });

/**
 * The table's rows as text once they satisfy `ready`: the previous page stays on screen while
 * the next one loads, so a test waits for what it expects (or times out showing what it saw).
 */
async function rowsOf(
  page: Page,
  ready: (rows: string[]) => boolean = rows => rows.length > 0,
): Promise<string[]> {
  const table = findingsTable(page);
  await table.waitFor();
  const deadline = Date.now() + 30_000;
  for (;;) {
    const rows = await table.locator('tbody tr').allInnerTexts();
    if (ready(rows)) return rows;
    assert.ok(Date.now() < deadline, `rows never settled:\n${rows.join('\n')}`);
    await page.waitForTimeout(250);
  }
}

for (const theme of ['light', 'dark'] as const) {
  test(`payments-api's findings: Critical with a fix, one CVE, in the URL (${theme})`, async () => {
    const page = await signedIn(theme);
    await openPaymentsApi(page);
    // The card's new line and its way into the tab.
    const acme = connectorSection(defenderCard(page), 'acme');
    await acme
      .getByText(/\d+ fixable/)
      .first()
      .waitFor();

    // The entity page's tab (a link or a tab, by Backstage version), not the card's "All findings".
    await page
      .getByRole('tab', { name: 'Findings', exact: true })
      .or(page.getByRole('link', { name: 'Findings', exact: true }))
      .first()
      .click();
    await page.waitForURL(/\/defender-findings/);
    const all = await rowsOf(page, rows => rows.length === 25);
    assert.equal(all.length, 25, 'a first page of 25 of 143');
    await page.getByText(/1–25 of 143/).waitFor();
    await page.screenshot({
      path: join(shotsDir, `findings-tab-first-page-${theme}.png`),
      fullPage: true,
    });

    // React Aria's checkbox: its input is visually hidden, a person clicks the label.
    await page
      .getByRole('group', { name: 'Severity' })
      .getByText('Critical', { exact: true })
      .click();
    await page.waitForURL(u => u.searchParams.get('severity') === 'Critical');
    await page.getByRole('button', { name: /Fix available/ }).click();
    await page.getByRole('option', { name: 'With fix', exact: true }).click();
    await page.waitForURL(u => u.searchParams.get('fixable') === 'true');
    const critical = await rowsOf(page, rows =>
      rows.every(
        r => r.includes('Critical') && !r.includes('No fix available'),
      ),
    );
    assert.ok(critical.length > 1, critical.join('\n'));
    assert.ok(
      critical.every(r => r.includes('Critical')),
      critical.join('\n'),
    );
    assert.ok(critical.every(r => !r.includes('No fix available')));

    const cve = (await findingsTable(page)
      .getByRole('link', { name: /^CVE-/ })
      .first()
      .innerText())!.trim();
    await page.getByRole('searchbox', { name: 'Search' }).fill(cve);
    await page.waitForURL(u => u.searchParams.get('q') === cve);
    const one = await rowsOf(page, rows => rows.every(r => r.includes(cve)));
    assert.ok(
      one.length >= 1 && one.every(r => r.includes(cve)),
      one.join('\n'),
    );
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('severity'), 'Critical');
    await assertAccessible(page.locator('main'));
    await page.screenshot({
      path: join(shotsDir, `findings-tab-${theme}.png`),
      fullPage: true,
    });

    // A shared link in a new tab reproduces the view: the same rows and controls.
    const shared = await page.context().newPage();
    await shared.goto(url.toString());
    assert.deepEqual(
      await rowsOf(shared, rows => rows.length === one.length),
      one,
    );
    assert.equal(
      await shared.getByRole('checkbox', { name: 'Critical' }).isChecked(),
      true,
    );
    assert.equal(
      await shared.getByRole('searchbox', { name: 'Search' }).inputValue(),
      cve,
    );
  });
}

test('the guests group’s roll-up lists its components, worst first', async () => {
  const page = await signedIn();
  await openPaymentsApi(page);
  await page.goto(`${stack.baseUrl}/catalog/default/group/guests`);
  const table = page.getByRole('table', {
    name: 'Components and their open findings, worst first',
  });
  await table.waitFor({ timeout: 60_000 });
  const rows = await table.locator('tbody tr').allInnerTexts();
  assert.match(rows[0], /payments-api/, rows.join('\n'));
  const critical = rows.map(r => Number(/(\d+) critical/.exec(r)?.[1] ?? 0));
  assert.deepEqual(
    critical,
    [...critical].sort((a, b) => b - a),
    rows.join('\n'),
  );
  await page
    .getByText(/\d+ of \d+ components have Defender annotations/)
    .waitFor();
  const link = table.getByRole('link', { name: 'payments-api' });
  assert.equal(
    await link.getAttribute('href'),
    '/catalog/default/component/payments-api',
  );
  await assertAccessible(table);
  await page.screenshot({
    path: join(shotsDir, 'group-rollup-light.png'),
    fullPage: true,
  });
  // The theme is read when the app starts: a new page in the dark theme.
  const dark = await signedIn('dark');
  await dark.goto(`${stack.baseUrl}/catalog/default/group/guests`);
  await dark
    .getByRole('table', {
      name: 'Components and their open findings, worst first',
    })
    .waitFor({ timeout: 60_000 });
  // The card, not the page: Backstage's own cards have their own heading order.
  await assertAccessible(
    dark
      .getByRole('table', {
        name: 'Components and their open findings, worst first',
      })
      .locator('xpath=ancestor::*[contains(@class, "bui-Card")][1]'),
  );
  await dark.screenshot({
    path: join(shotsDir, 'group-rollup-dark.png'),
    fullPage: true,
  });
});
