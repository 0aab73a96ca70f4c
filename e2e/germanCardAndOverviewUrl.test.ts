// The Defender card in the user's language and theme, and the overview page's view in its URL.
// Runs on the demo scenario plus 22 team connectors (overviewScenario.ts), in an app that offers
// German (app-config.languages.yaml). Screenshots of both themes go to e2e/artifacts/shots.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { connectorSection, defenderCard, statusOf } from './defenderCard.ts';
import { writeOverviewScenario } from './overviewScenario.ts';
import { artifactsDir, startStack, type Stack } from './stack.ts';

const shotsDir = join(artifactsDir, 'shots');
let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];

before(async () => {
  mkdirSync(shotsDir, { recursive: true });
  stack = await startStack({
    scenario: writeOverviewScenario(),
    configs: ['e2e/app-config.languages.yaml'],
  });
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

/**
 * A signed-in guest in the given theme and language, as the app stores the user's choice
 * (Settings → Appearance and Language write the same keys).
 */
async function signedIn(options: {
  theme?: 'light' | 'dark';
  language?: string;
}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
  });
  contexts.push(context);
  await context.addInitScript(
    ([theme, language]) => {
      localStorage.setItem('theme', theme);
      localStorage.setItem('language', language);
    },
    [options.theme ?? 'light', options.language ?? 'en'] as const,
  );
  const page = await context.newPage();
  await page.goto(stack.baseUrl);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('link', { name: 'Catalog' }).first().waitFor();
  return page;
}

/** Axe over one part of the page, colour contrast included (the browser computes colours). */
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

/**
 * Opens an entity page and reloads it until the card shows the connector in `status`: the
 * connector Resources, which decide who may read a connector, reach the catalog a minute or so
 * after the backend starts.
 */
async function openCard(
  page: Page,
  entity: string,
  organization: string,
  status: string,
): Promise<Locator> {
  const section = connectorSection(defenderCard(page), organization);
  const deadline = Date.now() + 150_000;
  for (;;) {
    await page.goto(`${stack.baseUrl}/catalog/default/component/${entity}`);
    await section.waitFor({ timeout: 60_000 });
    if ((await statusOf(section).innerText()) === status) return section;
    if (Date.now() > deadline) {
      assert.equal(await statusOf(section).innerText(), status);
    }
    await page.waitForTimeout(5_000);
  }
}

test('the card speaks German when the user chose German', async () => {
  const page = await signedIn({ language: 'de' });
  await openCard(page, 'lab-api', 'umbrella', 'Fehlerfrei');
  const card = defenderCard(page);
  await card
    .getByText(/\d+ offene Schwachstellenbefunde in umbrella\/lab-api/)
    .waitFor();
  await card.getByRole('button', { name: 'Aktualisieren' }).waitFor();
  await card.getByText('Zuletzt aktualisiert').waitFor();
  await card.getByRole('table', { name: 'Schwerste Befunde' }).waitFor();
  const said = await card.innerText();
  for (const english of [
    'Healthy',
    'open vulnerability findings',
    'Last refreshed',
    'Worst findings',
    'By repository',
    'Subscription',
  ]) {
    assert.equal(said.includes(english), false, `"${english}" in: ${said}`);
  }
  // Relative times in German (Intl with the app's language), e.g. "vor 2 Minuten", "gerade eben".
  assert.match(said, /vor \d+ \w+|gerade eben/);
  await card.screenshot({ path: join(shotsDir, 'card-healthy-de.png') });

  // An organization without a connector: the onboarding link, in German, through the route.
  const acme = await openCard(
    page,
    'payments-api',
    'acme',
    'Nicht eingerichtet',
  );
  const onboard = acme.getByRole('link', {
    name: 'acme in Defender einrichten',
  });
  assert.match(
    (await onboard.getAttribute('href'))!,
    /^\/create\/templates\/default\/defender-onboard-dockerhub\?formData=/,
  );
  await defenderCard(page).screenshot({
    path: join(shotsDir, 'card-not-onboarded-de.png'),
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`the card beside About and the unhealthy card expanded, ${theme} theme`, async () => {
    const page = await signedIn({ theme });
    await openCard(page, 'lab-api', 'umbrella', 'Healthy');
    const card = defenderCard(page);
    await card.getByRole('table', { name: 'Worst findings' }).waitFor();
    await page.getByText('About', { exact: true }).first().waitFor();
    await assertAccessible(card);
    await page.screenshot({
      path: join(shotsDir, `entity-page-${theme}.png`),
      fullPage: true,
    });

    const initech = await openCard(
      page,
      'legacy-billing',
      'initech',
      'Unhealthy',
    );
    await initech.getByText('How to fix it', { exact: true }).waitFor();
    await assertAccessible(defenderCard(page));
    await defenderCard(page).screenshot({
      path: join(shotsDir, `card-unhealthy-expanded-${theme}.png`),
    });
  });
}

test('the overview keeps its filter, search, sort and page in the URL across a reload', async () => {
  const page = await signedIn({});
  await page.goto(`${stack.baseUrl}/defender-for-containers`);
  const grid = page.getByRole('grid', { name: 'Docker Hub connectors' });
  // The backend's first read of Azure lands a few seconds after it starts.
  const deadline = Date.now() + 90_000;
  while (
    !(await grid
      .getByRole('link', { name: 'team-01', exact: true })
      .isVisible())
  ) {
    assert.ok(Date.now() < deadline, 'the connectors never appeared');
    await page.waitForTimeout(3_000);
    await page.reload();
    await grid.waitFor({ timeout: 60_000 });
  }

  await page.getByRole('button', { name: /Owner$/ }).click();
  await page.getByRole('option', { name: 'guests', exact: true }).click();
  await grid
    .getByRole('link', { name: 'initech', exact: true })
    .waitFor({ state: 'detached' });
  await page.getByRole('searchbox', { name: 'Search' }).fill('team');
  // The search is debounced: page only once it is applied, or its late update resets the page.
  await page.waitForURL(/q=team/);
  await grid
    .getByRole('link', { name: 'umbrella', exact: true })
    .waitFor({ state: 'detached' });
  const organization = page.getByRole('columnheader', { name: /Organization/ });
  await organization.click();
  await page.waitForURL(/order=asc/);
  await organization.click();
  await page.waitForURL(/order=desc/);
  await page.getByRole('button', { name: 'Next page' }).click();
  await page.waitForURL(/page=2/);
  await grid.getByRole('link', { name: 'team-01', exact: true }).waitFor();

  // What page 2 shows: its count ("21–22 of 22": the last rows, team-02 and team-01, sorted
  // descending) and its rows, once the table has swapped them in. Compared before and after the
  // reload and in the shared link, so the property is "the URL reproduces the view" whatever else
  // the backend lists.
  const pager = (p: Page) => p.getByText(/^\d+–\d+ of \d+$/);
  const view = async (p: Page, g: Locator) => {
    const settled = Date.now() + 10_000;
    let count = await pager(p).innerText();
    let shown = await g
      .locator('tbody tr')
      .evaluateAll(trs => trs.map(tr => tr.querySelector('a')?.textContent));
    while (!count.startsWith('21–') && Date.now() < settled) {
      await p.waitForTimeout(200);
      count = await pager(p).innerText();
    }
    await p.waitForTimeout(300);
    shown = await g
      .locator('tbody tr')
      .evaluateAll(trs => trs.map(tr => tr.querySelector('a')?.textContent));
    return { count, shown };
  };
  const expectView = async () => {
    const seen = await view(page, grid);
    assert.match(seen.count, /^21–\d+ of \d+$/);
    assert.deepEqual(seen.shown.slice(-2), ['team-02', 'team-01']);
    assert.equal(
      await page.getByRole('searchbox', { name: 'Search' }).inputValue(),
      'team',
    );
    assert.match(
      await page.getByRole('button', { name: /Owner$/ }).innerText(),
      /guests/,
    );
    assert.equal(await organization.getAttribute('aria-sort'), 'descending');
    return seen;
  };
  const before = await expectView();
  const url = new URL(page.url());
  assert.deepEqual(Object.fromEntries(url.searchParams), {
    owner: 'group:default/guests',
    q: 'team',
    sort: 'organization',
    order: 'desc',
    page: '2',
  });

  await page.reload();
  await grid
    .getByRole('link', { name: 'team-01', exact: true })
    .waitFor({ timeout: 60_000 });
  assert.deepEqual(await expectView(), before);

  // A shared link: another user's fresh session opens the same view.
  const other = await signedIn({ theme: 'dark' });
  await other.goto(url.toString());
  const otherGrid = other.getByRole('grid', { name: 'Docker Hub connectors' });
  await otherGrid
    .getByRole('link', { name: 'team-01', exact: true })
    .waitFor({ timeout: 60_000 });
  assert.deepEqual(await view(other, otherGrid), before);
  for (const [p, theme] of [
    [page, 'light'],
    [other, 'dark'],
  ] as const) {
    // The page's content (the header and sidebar are the app's).
    await assertAccessible(
      p.locator('.bui-Container').filter({ has: p.getByRole('grid') }),
    );
    await p.screenshot({
      path: join(shotsDir, `overview-filtered-${theme}.png`),
      fullPage: true,
    });
  }
});
