import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { healthStatuses, listConnectors } from './arm.ts';
import { launchBrowser } from './browser.ts';
import {
  connectorSection,
  defenderCard,
  intersects,
  labelAndValueBoxes,
  statusOf,
} from './defenderCard.ts';
import { artifactsDir, databaseDir, startStack, type Stack } from './stack.ts';

const SUBSCRIPTION = 'aaaaaaaa-0000-0000-0000-000000000001';
let stack: Stack;
let browser: Browser;

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

// Each test's last screen, whatever happened, then a clean slate for the next test.
afterEach(async t => {
  const pages = browser.contexts().flatMap(c => c.pages());
  for (const [i, p] of pages.entries()) {
    const name = t.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await p.screenshot({
      path: join(artifactsDir, `last-${name}-${i}.png`),
      fullPage: true,
    });
    await p.close();
  }
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

/**
 * Waits until Backstage's Secret field has stored `value` as the task secret `name`. The field
 * writes to the form's secrets context 300 ms after the last keystroke (debounced); a task created
 * before that runs without the secret. That context is React state, not DOM, so this reads it
 * through React's fiber of the field's input: the provider whose value carries `secrets` and
 * `setSecrets` (useTemplateSecrets in @backstage/plugin-scaffolder-react).
 */
async function waitForStoredSecret(page: Page, name: string, value: string) {
  await page.waitForFunction(
    ([secretName, expected]) => {
      for (const input of document.querySelectorAll('input[type="password"]')) {
        const fiberKey = Object.keys(input).find(k =>
          k.startsWith('__reactFiber$'),
        );
        let fiber = fiberKey ? (input as any)[fiberKey] : undefined;
        while (fiber) {
          const provided = fiber.memoizedProps?.value;
          const context =
            typeof provided?.atVersion === 'function'
              ? provided.atVersion(1)
              : undefined;
          if (context && 'secrets' in context && 'setSecrets' in context) {
            return context.secrets[secretName] === expected;
          }
          fiber = fiber.return;
        }
      }
      return false;
    },
    [name, value] as const,
    { timeout: 10_000 },
  );
}

/** A guest user's Backstage token, to read task state through the API like the UI does. */
async function backstageToken(): Promise<string> {
  const res = await fetch(`${stack.baseUrl}/api/auth/guest/refresh`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
  });
  return ((await res.json()) as any).backstageIdentity.token;
}

async function signIn(): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 800 },
  });
  await page.goto(stack.baseUrl);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByRole('link', { name: 'Create', exact: true })
    .first()
    .waitFor();
  return page;
}

const connectorIdOf = (name: string) =>
  `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-defender-connectors/providers/Microsoft.Security/securityConnectors/${name}`;

/** Waits until Defender (the emulator) reports the connector Healthy, after its health delay. */
async function waitForAzureHealthy(connectorId: string) {
  const deadline = Date.now() + 90_000;
  let codes: string[] = [];
  while (Date.now() < deadline) {
    codes = await healthStatuses(
      stack.emulatorUrl,
      stack.emulatorCa,
      connectorId,
    );
    if (codes.length > 0 && codes.every(code => code === 'Healthy')) return;
    await new Promise(r => setTimeout(r, 2000));
  }
  assert.fail(`${connectorId} not Healthy in Azure: ${codes}`);
}

/**
 * Clicks Refresh for one connector and waits until the refresh landed. The card's only
 * connector has its Refresh in the card's header; one of several, beside its name.
 */
async function refreshConnector(page: Page, organization: string) {
  const card = defenderCard(page);
  const section = connectorSection(card, organization);
  const own = section.getByRole('button', { name: 'Refresh' });
  const scope = (await own.count()) > 0 ? section : card;
  await scope.getByRole('button', { name: 'Refresh' }).first().click();
  await scope.getByText('Refreshed.').waitFor({ timeout: 90_000 });
  return section;
}

/** Fills the onboarding template's form and starts the task; returns when the task page shows. */
/** A day `n` days from today, as the form's date field takes it. */
const inDays = (n: number) =>
  new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function runOnboarding(
  page: Page,
  docker: {
    organization: string;
    username: string;
    token: string;
    tokenExpiresOn?: string;
  },
) {
  await page.goto(
    `${stack.baseUrl}/create/templates/default/defender-onboard-dockerhub`,
  );
  await page.getByLabel('Docker Hub organization').fill(docker.organization);
  await page.getByLabel('Dedicated Docker Hub user').fill(docker.username);
  await page
    .getByLabel('Read-only access token of that user')
    .fill(docker.token);
  await waitForStoredSecret(page, 'accessToken', docker.token);
  if (docker.tokenExpiresOn) {
    await page
      .getByLabel('Token expires on (optional)')
      .fill(docker.tokenExpiresOn);
  }
  await page.getByRole('button', { name: 'Next' }).click();

  // The picker preselects the first allowed subscription and its defaults.
  await page.getByText('Contoso Production (emulated)').waitFor();
  await page.screenshot({
    path: join(artifactsDir, `onboard-${docker.organization}-azure.png`),
  });
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();

  const owner = page.getByLabel('Owner');
  await owner.fill('guests');
  await page
    .getByRole('option', { name: /guests/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/\/create\/tasks\//);
}

test('the onboarding template onboards a Docker Hub organization and links to the result', async () => {
  const page = await signIn();
  const token = 'dckr_pat_EMULATOR0acmeReadOnlyFAKE01';
  await runOnboarding(page, {
    organization: 'acme',
    username: 'mdc-acme',
    token,
    // Expiring soon: the card warns (the next test rotates it away).
    tokenExpiresOn: inDays(10),
  });

  const catalogLink = page.getByRole('link', {
    name: 'Connector in the catalog',
  });
  await catalogLink.waitFor({ timeout: 120_000 });
  const portal = page.getByRole('link', { name: 'Open in the Azure portal' });
  // In the tenant of the configured credential (app-config.emulator.yaml), so it opens in that directory.
  assert.equal(
    await portal.getAttribute('href'),
    'https://portal.azure.com/#@00000000-0000-0000-0000-000000000000/resource/subscriptions/aaaaaaaa-0000-0000-0000-000000000001/resourceGroups/rg-defender-connectors/providers/Microsoft.Security/securityConnectors/dockerhub-acme',
  );
  await page.screenshot({
    path: join(artifactsDir, 'onboard-acme-done.png'),
    fullPage: true,
  });

  // The token was typed into the form but must not come back: not on the page, not in the task's
  // stored spec, events or outputs, not in the config served to the browser.
  assert.equal(
    (await page.content()).includes(token),
    false,
    'token rendered on the task page',
  );
  const taskId = page.url().split('/').pop()!;
  const auth = await backstageToken();
  for (const path of [
    `/api/scaffolder/v2/tasks/${taskId}`,
    `/api/scaffolder/v2/tasks/${taskId}/events`,
  ]) {
    const body = await (
      await fetch(`${stack.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${auth}` },
      })
    ).text();
    assert.ok(body.length > 100, `${path} answered`);
    assert.equal(body.includes(token), false, `token in ${path}`);
    assert.doesNotMatch(
      body,
      /dckr_(pat|oat)_[A-Za-z0-9_-]{20,}/,
      `a Docker Hub token in ${path}`,
    );
    assert.doesNotMatch(body, /eyJ[A-Za-z0-9_-]{10,}\.eyJ/, `a JWT in ${path}`);
  }
  const index = await (await fetch(`${stack.baseUrl}/`)).text();
  assert.equal(
    index.includes('emulator-demo-client-secret-not-real'),
    false,
    'Azure secret served to the browser',
  );

  const connectors = await listConnectors(
    stack.emulatorUrl,
    stack.emulatorCa,
    SUBSCRIPTION,
  );
  assert.ok(
    connectors.some(c => c.properties?.hierarchyIdentifier === 'acme'),
    'the emulator holds a connector for acme',
  );

  // The connector's catalog entity appears (the catalog module refreshes on the onboarding event).
  await catalogLink.click();
  // The entity's own title, not the ref: "Entity not found" pages head with the ref too. A person
  // who arrives before the catalog has ingested it reloads; so does the test.
  const entityTitle = page.getByRole('heading', {
    name: 'Defender connector: Docker Hub acme',
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      await entityTitle.first().waitFor({ timeout: 5_000 });
      break;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await page.reload();
    }
  }
  await page.screenshot({
    path: join(artifactsDir, 'onboard-acme-entity.png'),
    fullPage: true,
  });

  // The connector entity's Defender card: onboarding announced the connector, so the backend
  // read it at once; Defender has not reported on it yet.
  const card = defenderCard(page);
  const acme = connectorSection(card, 'acme');
  await acme.waitFor({ timeout: 60_000 });
  assert.equal(await statusOf(acme).innerText(), 'Pending first scan');
  await acme
    .getByText(/Vulnerability findings appear after Defender’s first scan/)
    .waitFor();
  // beside Backstage's own cards
  await page.getByText('About', { exact: true }).first().waitFor();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifactsDir, 'card-acme-pending.png') });

  // After the emulator's health delay, Refresh reads it again: healthy, with its findings.
  await waitForAzureHealthy(connectorIdOf('dockerhub-acme'));
  await refreshConnector(page, 'acme');
  assert.equal(await statusOf(acme).innerText(), 'Healthy');
  await acme.getByText(/\d+ open vulnerability findings/).waitFor();
  await card
    .getByText(`Docker Hub token expires in 10 days (${inDays(10)})`)
    .waitFor();
  assert.equal(
    await card.getByRole('link', { name: 'Rotate the token' }).count(),
    1,
  );
  await acme.getByRole('table', { name: 'Worst findings' }).waitFor();
  // the chart is named by its caption, "1 day so far: …" or "3 days: …"
  await acme
    .getByRole('img', { name: /^(1 day so far|\d+ days):/ })
    .waitFor({ timeout: 10_000 });
  // The card's only connector: its portal link sits in the card's header, as About's actions do.
  assert.equal(
    await card
      .getByRole('link', { name: /Open in the Azure portal/ })
      .getAttribute('href'),
    `https://portal.azure.com/#@00000000-0000-0000-0000-000000000000/resource${connectorIdOf(
      'dockerhub-acme',
    )}`,
  );
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifactsDir, 'card-acme-healthy.png') });
  await card.screenshot({
    path: join(artifactsDir, 'card-acme-healthy-card.png'),
  });

  // payments-api names acme/payments-api: the same connector, findings narrowed to it.
  await page.goto(`${stack.baseUrl}/catalog/default/component/payments-api`);
  const narrowed = connectorSection(defenderCard(page), 'acme');
  await narrowed
    .getByText(/open vulnerability findings in acme\/payments-api/)
    .waitFor({ timeout: 30_000 });
  assert.equal(await statusOf(narrowed).innerText(), 'Healthy');
  await page.getByText('About', { exact: true }).first().waitFor();
  await page.screenshot({
    path: join(artifactsDir, 'card-payments-api.png'),
  });
});

test('a write-scoped token stops the task at the scope check and nothing is written', async () => {
  const page = await signIn();
  await runOnboarding(page, {
    organization: 'globex',
    username: 'mdc-globex',
    token: 'dckr_pat_EMULATOR0globexWriteFAKE001',
  });

  // The task's one step stops at the pre-flight with the message that says what to do.
  await page
    .getByText(/write/i)
    .filter({ hasText: /Read-only/i })
    .first()
    .waitFor({ timeout: 120_000 });
  await page.screenshot({
    path: join(artifactsDir, 'onboard-globex-refused.png'),
    fullPage: true,
  });
  assert.equal(
    await page.getByRole('link', { name: 'Connector in the catalog' }).count(),
    0,
  );

  const connectors = await listConnectors(
    stack.emulatorUrl,
    stack.emulatorCa,
    SUBSCRIPTION,
  );
  assert.equal(
    connectors.some(c => c.properties?.hierarchyIdentifier === 'globex'),
    false,
    'no connector for globex',
  );
});

test('rotating a token that expires soon with a later expiry day clears the warning', async () => {
  const page = await signIn();
  const token = 'dckr_pat_EMULATOR0acmeReadOnlyFAKE01';
  const entity = `${stack.baseUrl}/catalog/default/resource/defender-dockerhub-acme`;
  await page.goto(entity);
  const warning = defenderCard(page).getByText(/Docker Hub token expires in/);
  await warning.waitFor({ timeout: 60_000 });

  await page.goto(
    `${stack.baseUrl}/create/templates/default/defender-rotate-dockerhub-token`,
  );
  await page.getByLabel('Dedicated Docker Hub user').fill('mdc-acme');
  await page.getByLabel('New read-only access token').fill(token);
  await waitForStoredSecret(page, 'accessToken', token);
  await page.getByLabel('Token expires on (optional)').fill(inDays(200));
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Docker Hub organization').fill('acme');
  await page.getByText('Contoso Production (emulated)').waitFor();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/\/create\/tasks\//);
  await page
    .getByRole('link', { name: 'Connector in the catalog' })
    .waitFor({ timeout: 120_000 });

  // The rotation announced the connector: the backend reads it again at once, and 200 days out
  // is nothing to warn about.
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.goto(entity);
    const card = defenderCard(page);
    await connectorSection(card, 'acme').waitFor({ timeout: 60_000 });
    if ((await card.getByText(/Docker Hub token expires in/).count()) === 0) {
      break;
    }
    assert.ok(Date.now() < deadline, 'the expiry warning is still shown');
    await page.waitForTimeout(2000);
  }
  await page.screenshot({
    path: join(artifactsDir, 'card-acme-rotated-expiry.png'),
  });
});

test('rotating the revoked token of a connector heals it', async () => {
  const initech = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-defender-connectors/providers/Microsoft.Security/securityConnectors/dockerhub-initech`;
  // The demo scenario's initech connector holds a revoked token.
  const before = await healthStatuses(
    stack.emulatorUrl,
    stack.emulatorCa,
    initech,
  );
  assert.ok(
    before.includes('NotHealthy'),
    `initech starts unhealthy: ${before}`,
  );

  const page = await signIn();

  // legacy-billing names initech: its card says what is wrong and how to fix it.
  await page.goto(`${stack.baseUrl}/catalog/default/component/legacy-billing`);
  const card = defenderCard(page);
  const section = connectorSection(card, 'initech');
  await section.waitFor({ timeout: 60_000 });
  assert.equal(await statusOf(section).innerText(), 'Unhealthy');
  const issue = section.getByRole('button', {
    name: /access token was revoked/,
  });
  assert.equal(await issue.getAttribute('aria-expanded'), 'true');
  await section.getByText('How to fix it', { exact: true }).waitFor();
  await section.getByText(/generate a token with the 'Read-only'/).waitFor();
  // the issue closes and opens from the keyboard
  await issue.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    el => el?.getAttribute('aria-expanded') === 'false',
    await issue.elementHandle(),
  );
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    el => el?.getAttribute('aria-expanded') === 'true',
    await issue.elementHandle(),
  );
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: join(artifactsDir, 'card-initech-unhealthy.png'),
  });
  await card.screenshot({
    path: join(artifactsDir, 'card-initech-unhealthy-card.png'),
  });

  await page.goto(
    `${stack.baseUrl}/create/templates/default/defender-rotate-dockerhub-token`,
  );
  await page.getByLabel('Dedicated Docker Hub user').fill('mdc-initech');
  await page
    .getByLabel('New read-only access token')
    .fill('dckr_pat_EMULATOR0initechRotatedFAKE1');
  await waitForStoredSecret(
    page,
    'accessToken',
    'dckr_pat_EMULATOR0initechRotatedFAKE1',
  );
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Docker Hub organization').fill('initech');
  await page.getByText('Contoso Production (emulated)').waitFor();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/\/create\/tasks\//);
  await page
    .getByRole('link', { name: 'Connector in the catalog' })
    .waitFor({ timeout: 120_000 });
  await page.screenshot({
    path: join(artifactsDir, 'rotate-initech-done.png'),
    fullPage: true,
  });

  // Defender re-evaluates the connector after the scenario's health delay (10 s in the demo).
  const deadline = Date.now() + 60_000;
  let after: string[] = before;
  while (Date.now() < deadline) {
    after = await healthStatuses(stack.emulatorUrl, stack.emulatorCa, initech);
    if (after.length > 0 && after.every(code => code === 'Healthy')) break;
    await new Promise(r => setTimeout(r, 2000));
  }
  assert.deepEqual([...new Set(after)], ['Healthy']);

  // The card turns healthy once Backstage reads it again: the Refresh button does now.
  await page.goto(`${stack.baseUrl}/catalog/default/component/legacy-billing`);
  const healed = await refreshConnector(page, 'initech');
  assert.equal(await statusOf(healed).innerText(), 'Healthy');
  assert.equal(
    await healed.getByText('What is wrong and how to fix it').count(),
    0,
  );
  await defenderCard(page).scrollIntoViewIfNeeded();
  await page.screenshot({
    path: join(artifactsDir, 'card-initech-healthy.png'),
  });
});

test('the Azure target picker’s labels never overlap the values it fills in, at 1280×800', async () => {
  const page = await signIn();
  const labels = ['Azure subscription', 'Resource group', 'Location'];
  for (const [template, fill, shot] of [
    [
      'defender-onboard-dockerhub',
      async () => {
        await page.getByLabel('Docker Hub organization').fill('acme');
        await page.getByLabel('Dedicated Docker Hub user').fill('mdc-acme');
        await page
          .getByLabel('Read-only access token of that user')
          .fill('dckr_pat_EMULATOR0acmeReadOnlyFAKE01');
      },
      'picker-onboard.png',
    ],
    [
      'defender-rotate-dockerhub-token',
      async () => {
        await page.getByLabel('Dedicated Docker Hub user').fill('mdc-initech');
        await page
          .getByLabel('New read-only access token')
          .fill('dckr_pat_EMULATOR0initechRotatedFAKE1');
      },
      'picker-rotate.png',
    ],
  ] as const) {
    await page.goto(`${stack.baseUrl}/create/templates/default/${template}`);
    await fill();
    await page.getByRole('button', { name: 'Next' }).click();
    // Measured the moment the defaults appear: a label still moving from inside the field
    // to above it overlapped them.
    await page.getByText('Contoso Production (emulated)').waitFor();
    const present =
      template === 'defender-onboard-dockerhub' ? labels : labels.slice(0, 2);
    for (let i = 0; i < 3; i++) {
      for (const { label, labelBox, valueBox } of await labelAndValueBoxes(
        page,
        present,
      )) {
        assert.ok(
          !intersects(labelBox, valueBox),
          `${template}: label "${label}" ${JSON.stringify(
            labelBox,
          )} overlaps its value ${JSON.stringify(valueBox)}`,
        );
        assert.ok(labelBox.bottom <= valueBox.top, `${label} above its value`);
      }
      await page.waitForTimeout(100);
    }
    await page.screenshot({ path: join(artifactsDir, shot) });
  }
});

test('a Docker Hub token typed into the form is stored in no database', async () => {
  // Its own task, so it does not depend on the tests above having run: a Secret field the task
  // needs, a run that ends quickly (the token can write, so the pre-flight stops it).
  const token = 'dckr_pat_EMULATOR0globexWriteFAKE001';
  const page = await signIn();
  await runOnboarding(page, {
    organization: 'globex',
    username: 'mdc-globex',
    token,
  });
  await page
    .getByText(/write/i)
    .filter({ hasText: /Read-only/i })
    .first()
    .waitFor({ timeout: 120_000 });

  const files = readdirSync(databaseDir).filter(f => f.endsWith('.sqlite'));
  assert.ok(
    files.some(f => f.includes('scaffolder')),
    `scaffolder database among ${files}`,
  );
  for (const file of files) {
    // What the database holds: every row of every table, as SQL reads it. Backstage's scaffolder
    // keeps a task's secrets in its tasks table until the task ends and then clears them; SQLite
    // may keep the cleared bytes in free pages until it reuses them, which is not what it
    // stores (and why production disks are encrypted). That residue is counted, not failed on.
    const held = dumpSqlite(join(databaseDir, file));
    assert.equal(held.includes(token), false, `${token} found in ${file}`);
    // Nor any other Docker Hub token, e.g. one typed by another test in this run.
    assert.doesNotMatch(
      held,
      /dckr_(pat|oat)_[A-Za-z0-9_-]{20,}/,
      `a Docker Hub token in ${file}`,
    );
    const residue = readFileSync(join(databaseDir, file))
      .toString('latin1')
      .match(/dckr_(pat|oat)_[A-Za-z0-9_-]{20,}/g);
    if (residue) {
      console.log(
        `${file}: ${residue.length} cleared token byte run(s) left in free pages`,
      );
    }
  }
});

/** Every row of every table of a SQLite file, as text. */
function dumpSqlite(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`)
      .all() as { name: string }[];
    // Blobs as their bytes: JSON would write a Buffer as numbers a text search cannot match.
    const text = (v: unknown) =>
      Buffer.isBuffer(v) ? v.toString('latin1') : JSON.stringify(v);
    return tables
      .map(({ name }) =>
        (db.prepare(`SELECT * FROM "${name}"`).all() as object[])
          .map(row => Object.values(row).map(text).join(' '))
          .join('\n'),
      )
      .join('\n');
  } finally {
    db.close();
  }
}
