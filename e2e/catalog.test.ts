import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { connectorSection, defenderCard, statusOf } from './defenderCard.ts';
import { artifactsDir, startStack, type Stack } from './stack.ts';

/** Waits until a select's options have gone, so a screenshot shows the page, not the menu. */
async function menuClosed(p: Page) {
  await p.getByRole('listbox').waitFor({ state: 'detached' });
}

/** Picks an option of one of the overview's filters (Backstage UI selects, by their label). */
async function filter(p: Page, label: string, option: string) {
  await p.getByRole('button', { name: new RegExp(`${label}$`) }).click();
  await p.getByRole('option', { name: option, exact: true }).click();
  await menuClosed(p);
}

let stack: Stack;
let browser: Browser;
let page: Page;

before(async () => {
  // The card on every Component (a filter override), so docs-site shows what to annotate.
  stack = await startStack({
    configs: ['e2e/app-config.card-everywhere.yaml'],
  });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});

after(async () => {
  // The last screen, whatever happened, to read a failure from.
  await page?.screenshot({
    path: join(artifactsDir, 'last.png'),
    fullPage: true,
  });
  await browser?.close();
  await stack?.stop();
});

test('a guest signs in and the catalog lists the example entities', async () => {
  await page.goto(stack.baseUrl);
  await page.getByRole('button', { name: 'Enter' }).click();

  const table = page.getByRole('table');
  for (const name of [
    'payments-api',
    'web-frontend',
    'legacy-billing',
    'lab-api',
    'docs-site',
  ]) {
    await table
      .getByRole('link', { name, exact: true })
      .waitFor({ timeout: 60_000 });
  }
  await page.screenshot({ path: join(artifactsDir, 'catalog.png') });

  await page.getByRole('link', { name: 'payments-api', exact: true }).click();
  await page.getByRole('heading', { name: 'payments-api' }).waitFor();
  assert.match(page.url(), /\/catalog\/default\/component\/payments-api/);

  // The Overview tab holds Backstage's own cards and the Defender card: acme is not onboarded
  // in the demo, so the card offers the onboarding template, prefilled with acme.
  await page.getByText('About', { exact: true }).first().waitFor();
  await page.getByText('Relations', { exact: true }).first().waitFor();
  const acme = connectorSection(defenderCard(page), 'acme');
  await acme.waitFor({ timeout: 60_000 });
  assert.equal(await statusOf(acme).innerText(), 'Not onboarded');
  const onboard = acme.getByRole('link', { name: /Onboard acme/ });
  const href = new URL((await onboard.getAttribute('href'))!, stack.baseUrl);
  assert.equal(
    href.pathname,
    '/create/templates/default/defender-onboard-dockerhub',
  );
  assert.deepEqual(JSON.parse(href.searchParams.get('formData')!), {
    organization: 'acme',
  });
  await page.screenshot({ path: join(artifactsDir, 'payments-api.png') });

  // The button opens the onboarding form with the organization filled in.
  await onboard.click();
  await page.waitForURL(
    /\/create\/templates\/default\/defender-onboard-dockerhub/,
  );
  assert.equal(
    await page.getByLabel('Docker Hub organization').inputValue(),
    'acme',
  );
  await page.screenshot({
    path: join(artifactsDir, 'onboard-prefilled.png'),
  });
});

test('an entity without a Defender annotation shows what to add', async () => {
  await page.goto(`${stack.baseUrl}/catalog/default/component/docs-site`);
  const card = defenderCard(page);
  await card
    .getByText(/names no Docker Hub organization or repository/)
    .waitFor({ timeout: 60_000 });
  const snippet = card.locator('pre');
  await snippet.waitFor();
  const yaml = await snippet.innerText();
  assert.match(yaml, /name: docs-site/);
  assert.match(
    yaml,
    /microsoft\.com\/defender-dockerhub-repository: <org>\/<repo>/,
  );
  await card.getByRole('button', { name: 'Copy text' }).waitFor();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: join(artifactsDir, 'card-docs-site-missing-annotation.png'),
  });
});

test("the scaffolder's installed-actions page documents each input of the onboarding action", async () => {
  await page.goto(`${stack.baseUrl}/create/actions`);
  const action = page.getByRole('row', { name: 'defender:dockerhub:onboard' });
  await action.waitFor({ timeout: 60_000 });
  await action.click();
  // The declared schema constrains nothing (the actions check inputs themselves), so type and
  // "required" live in each input's title: the page must still show them next to the input.
  const input = (description: string) =>
    page.getByRole('row').filter({ hasText: description }).first();
  const organization = input('Docker Hub organization (namespace)');
  await organization.waitFor();
  assert.match(
    await organization.innerText(),
    /organization[\s\S]*text, required/,
  );
  const interval = await input('Scan interval in whole hours').innerText();
  assert.match(interval, /scanIntervalHours[\s\S]*number/);
  assert.doesNotMatch(interval, /required/);
  // Markdown renders descriptions: a placeholder in angle brackets must survive.
  assert.match(
    await input('Name of the security connector').innerText(),
    /dockerhub-<organization>/,
  );
  await organization.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifactsDir, 'actions-onboard.png') });
});

test('the overview page lists every connector, filters by status and owner, and links to the connector', async () => {
  await page.goto(stack.baseUrl);
  await page.getByRole('link', { name: 'Defender', exact: true }).click();
  await page.waitForURL(/\/defender-for-containers/);
  const table = page.getByRole('grid', { name: 'Docker Hub connectors' });
  const rows = () =>
    table
      .locator('tbody tr')
      .filter({ has: page.getByRole('link') })
      .evaluateAll(trs =>
        trs.map(tr => tr.querySelector('a')?.textContent ?? ''),
      );
  await table
    .getByRole('link', { name: 'umbrella', exact: true })
    .waitFor({ timeout: 60_000 });
  assert.deepEqual(await rows(), ['initech', 'umbrella']);
  const initech = table.locator('tr', {
    has: page.getByRole('link', { name: 'initech', exact: true }),
  });
  await initech.getByText('Unhealthy').waitFor();
  await initech.getByText('no owner tag').waitFor();
  const umbrella = table.locator('tr', {
    has: page.getByRole('link', { name: 'umbrella', exact: true }),
  });
  await umbrella.getByText('Healthy').waitFor();
  await umbrella.getByRole('link', { name: 'guests' }).waitFor();
  await page.screenshot({ path: join(artifactsDir, 'overview.png') });

  // Status filter (server-side)
  await filter(page, 'Status', 'Unhealthy');
  await table.getByRole('link', { name: 'umbrella', exact: true }).waitFor({
    state: 'detached',
  });
  assert.deepEqual(await rows(), ['initech']);
  await page.screenshot({
    path: join(artifactsDir, 'overview-unhealthy.png'),
  });

  // Owner filter, with any status
  await filter(page, 'Status', 'Any status');
  await filter(page, 'Owner', 'guests');
  await table.getByRole('link', { name: 'initech', exact: true }).waitFor({
    state: 'detached',
  });
  assert.deepEqual(await rows(), ['umbrella']);
  await page.screenshot({ path: join(artifactsDir, 'overview-owner.png') });

  // A row opens the connector's entity, which has the card too.
  await table.getByRole('link', { name: 'umbrella', exact: true }).click();
  await page.waitForURL(
    /\/catalog\/default\/resource\/defender-dockerhub-umbrella/,
  );
  await page
    .getByRole('heading', { name: /Defender connector: Docker Hub umbrella/ })
    .first()
    .waitFor({ timeout: 30_000 });
  assert.equal(page.url().endsWith('/defender-dockerhub-umbrella'), true);
});
