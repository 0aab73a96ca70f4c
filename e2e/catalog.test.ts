import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { artifactsDir, startStack, type Stack } from './stack.ts';

let stack: Stack;
let browser: Browser;
let page: Page;

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
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
  await page.screenshot({
    path: join(artifactsDir, 'catalog.png'),
    fullPage: true,
  });

  await page.getByRole('link', { name: 'payments-api', exact: true }).click();
  await page.getByRole('heading', { name: 'payments-api' }).waitFor();
  assert.match(page.url(), /\/catalog\/default\/component\/payments-api/);
  await page.screenshot({
    path: join(artifactsDir, 'payments-api.png'),
    fullPage: true,
  });
});
