import type { Knex } from 'knex';
import {
  createStorageTestDatabases,
  storageTestDatabaseIds,
} from '../__testUtils__/storageTestDatabases';
import {
  DAY1,
  DAY2,
  SUB,
  idOf,
  snapshot,
} from '../__testUtils__/storeTestWorld';
import type { StoredFinding } from './HealthStore';
import { KnexHealthStore } from './KnexHealthStore';

jest.setTimeout(60_000);

const SEVERITIES = ['Critical', 'High', 'Medium', 'Low'] as const;

/** `n` findings of acme's two repositories, every second one with a fix. */
function findings(n: number, prefix = 'f'): StoredFinding[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${String(i).padStart(32 - prefix.length, '0')}`,
    image: i % 3 === 0 ? 'acme/web:1' : `acme/api:${i % 2 ? '1' : '2'}`,
    repository: i % 3 === 0 ? 'acme/web' : 'acme/api',
    package: i % 5 === 0 ? undefined : `pkg${i % 7}`,
    title: `pkg${i % 7}: CVE-2026-${1000 + i}`,
    severity: SEVERITIES[i % 4],
    cves: [`CVE-2026-${1000 + i}`],
    installedVersion: '1.0.0',
    fixedVersion: i % 2 ? undefined : '1.0.1',
    firstSeenAt:
      i % 6 === 0
        ? undefined
        : `2026-02-${String((i % 27) + 1).padStart(2, '0')}T00:00:00.000Z`,
  }));
}

const ACME = idOf('dockerhub-acme');
const acme = (open: StoredFinding[]) =>
  snapshot('acme', { findings: { ...snapshot('acme').findings, open } });
const all = { connectors: [{ id: ACME }] };

describe.each(storageTestDatabaseIds())('stored findings on %s', databaseId => {
  const databases = createStorageTestDatabases();
  let knex: Knex;
  let store: KnexHealthStore;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    store = await KnexHealthStore.create({ getClient: async () => knex });
  });

  const everyPage = async (
    sort: 'severity' | 'firstSeen' | 'image' | 'package',
    order: 'asc' | 'desc',
    filter = {},
  ) => {
    const seen: string[] = [];
    let after;
    for (let i = 0; i < 100; i++) {
      const page = await store.listFindings(all, filter, {
        sort,
        order,
        limit: 7,
        after,
      });
      seen.push(...page.items.map(f => f.id));
      if (page.items.length < 7) break;
      after = page.items[page.items.length - 1].position;
    }
    return seen;
  };

  it('replaces the findings with each snapshot, and never with an older one', async () => {
    await store.replaceSubscription(SUB, [acme(findings(40))], DAY2);
    expect(
      (
        await store.listFindings(
          all,
          {},
          { sort: 'severity', order: 'asc', limit: 200 },
        )
      ).totalCount,
    ).toBe(40);
    // A refresh that read Azure before DAY2 and writes after it: its findings are older.
    await store.replaceSubscription(SUB, [acme(findings(3, 'old'))], DAY1);
    const kept = await store.listFindings(
      all,
      {},
      { sort: 'severity', order: 'asc', limit: 200 },
    );
    expect(kept.totalCount).toBe(40);
    expect(kept.items.some(f => f.id.startsWith('old'))).toBe(false);
    // A newer one replaces them whole: fixed findings drop out.
    await store.upsertConnector(
      acme(findings(2, 'new')),
      new Date(DAY2.getTime() + 1000),
    );
    const replaced = await store.listFindings(
      all,
      {},
      { sort: 'severity', order: 'asc', limit: 200 },
    );
    expect(replaced.items.map(f => f.id.slice(0, 3))).toEqual(['new', 'new']);
    const [stored] = await store.getConnectors({ ids: [ACME] });
    expect(stored).toMatchObject({ findingsStored: 2, findingsFixable: 1 });
    // The connector's details do not carry the list a second time.
    const [row] = await knex('defender_connectors').select('details');
    expect(row.details).not.toContain('CVE-2026-1000');
  });

  it('deletes a connector’s findings with the connector', async () => {
    await store.replaceSubscription(SUB, [acme(findings(10))], DAY1);
    await store.replaceSubscription(SUB, [], DAY2);
    expect(await knex('defender_findings').count({ n: '*' })).toEqual([
      { n: expect.anything() },
    ]);
    expect(
      Number((await knex('defender_findings').count({ n: '*' }))[0].n),
    ).toBe(0);
  });

  it('pages every finding once, in order, for each sort and order', async () => {
    const open = findings(45);
    await store.replaceSubscription(SUB, [acme(open)], DAY1);
    for (const sort of ['severity', 'firstSeen', 'image', 'package'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const whole = await store.listFindings(
          all,
          {},
          { sort, order, limit: 200 },
        );
        const paged = await everyPage(sort, order);
        expect(paged).toEqual(whole.items.map(f => f.id));
        expect(new Set(paged).size).toBe(45);
        const values = whole.items.map(f => f.position.value);
        const sorted = [...values].sort((a, b) => {
          if (a === b) return 0;
          return a < b ? -1 : 1;
        });
        expect(values).toEqual(order === 'asc' ? sorted : sorted.reverse());
      }
    }
  });

  it('filters by severity, fix, repository and text, counting all matches', async () => {
    await store.replaceSubscription(SUB, [acme(findings(45))], DAY1);
    const page = (filter: object) =>
      store.listFindings(all, filter, {
        sort: 'severity',
        order: 'asc',
        limit: 5,
      });
    const critical = await page({ severities: ['Critical'], fixable: true });
    expect(critical.totalCount).toBe(
      findings(45).filter(f => f.severity === 'Critical' && f.fixedVersion)
        .length,
    );
    expect(
      critical.items.every(f => f.severity === 'Critical' && f.fixedVersion),
    ).toBe(true);
    const web = await page({ repository: 'acme/web' });
    expect(web.totalCount).toBe(15);
    expect(
      (await page({ text: 'cve-2026-1007' })).items.map(f => f.cves),
    ).toEqual([['CVE-2026-1007']]);
    expect((await page({ text: 'pkg3' })).totalCount).toBe(
      // The package, or the title that names it when Defender gave no package.
      findings(45).filter(f => f.title.startsWith('pkg3')).length,
    );
    // LIKE's wildcards are the user's text, not patterns.
    expect((await page({ text: '%' })).totalCount).toBe(0);
    expect((await page({ text: 'pkg_' })).totalCount).toBe(0);
  });

  it('narrows to repositories', async () => {
    await store.replaceSubscription(SUB, [acme(findings(45))], DAY1);
    const scope = { connectors: [{ id: ACME, repositories: ['acme/web'] }] };
    const listed = await store.listFindings(
      scope,
      {},
      { sort: 'image', order: 'asc', limit: 200 },
    );
    expect(listed.totalCount).toBe(15);
    expect(
      listed.items.every(
        f => f.repository === 'acme/web' && f.connectorId === ACME,
      ),
    ).toBe(true);
    expect(
      await store.listFindings(
        { connectors: [] },
        {},
        { sort: 'image', order: 'asc', limit: 5 },
      ),
    ).toEqual({ items: [], totalCount: 0 });
  });

  it('stores 5,000 findings of a connector in one snapshot', async () => {
    await store.replaceSubscription(SUB, [acme(findings(5000))], DAY1);
    const { totalCount } = await store.listFindings(
      all,
      {},
      { sort: 'severity', order: 'asc', limit: 1 },
    );
    expect(totalCount).toBe(5000);
  });
});
