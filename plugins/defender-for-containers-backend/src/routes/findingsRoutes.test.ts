import type { Finding } from '@defender-backstage/plugin-defender-for-containers-common';
import type { Server } from 'node:http';
import {
  findingsCatalog,
  getFindings as findings,
  ids,
  rank,
} from '../__testUtils__/findingsRouteWorld';
import { ACME } from '../__testUtils__/healthTestWorld';
import { startFindingsTestBackend } from '../__testUtils__/startFindingsTestBackend';
import {
  createStorageTestDatabases,
  storageTestDatabaseIds,
} from '../__testUtils__/storageTestDatabases';
import { useHealthEmulator } from '../__testUtils__/useHealthEmulator';

jest.setTimeout(120_000);

const SORT_KEYS = {
  severity: rank,
  firstSeen: (f: Finding) => f.firstSeenAt ?? '',
  image: (f: Finding) => f.image,
  package: (f: Finding) => f.package ?? '',
};
/** `a` before `b` (or the same) in `order`: the sort key, then connector and finding id. */
function inOrder(
  a: Finding,
  b: Finding,
  key: (f: Finding) => string | number,
  order: 'asc' | 'desc',
) {
  const tuple = (f: Finding) => [key(f), f.connectorId.toLowerCase(), f.id];
  const [x, y] = [tuple(a), tuple(b)];
  const i = x.findIndex((v, n) => v !== y[n]);
  if (i < 0) return true;
  return order === 'asc' ? x[i] < y[i] : x[i] > y[i];
}

describe.each(storageTestDatabaseIds())('findings route on %s', databaseId => {
  const emulator = useHealthEmulator();
  const databases = createStorageTestDatabases();
  let server: Server;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ server, stop } = await startFindingsTestBackend({
      emulator,
      features: [findingsCatalog().mock.factory],
      database: { databases, id: databaseId },
    }));
  });
  afterAll(() => stop());
  const all = (name: string, query = '') =>
    findings(server, name, `limit=200&${query}`);

  it('narrows an entity naming a repository to it; one naming the organization gets all', async () => {
    const org = await all('acme-all');
    expect(org.narrowedTo).toBeUndefined();
    expect(org.counts).toEqual({
      critical: 3,
      high: 3,
      medium: 4,
      low: 1,
      total: 11,
      fixable: org.items.filter(f => f.fixedVersion).length,
    });
    expect(org.totalCount).toBe(11);
    expect(org.items).toHaveLength(11);
    expect(org.nextCursor).toBeUndefined();
    expect(org.repositories).toEqual(['acme/payments-api', 'acme/web']);
    expect(
      new Set(org.items.map(f => [f.connectorId, f.organization].join())),
    ).toEqual(new Set([`${ACME},acme`]));
    expect(org.truncated).toEqual([]);
    expect(org.notAllowed).toEqual([]);

    const repo = await all('payments-api');
    expect(repo.narrowedTo).toEqual(['acme/payments-api']);
    expect(ids(repo.items).sort()).toEqual(
      ids(org.items.filter(f => f.repository === 'acme/payments-api')).sort(),
    );
    expect(repo.counts).toMatchObject({ critical: 2, high: 3, total: 9 });
    expect(repo.repositories).toEqual(['acme/payments-api']);
    // The repository filter cannot widen a narrowed entity.
    const web = await all('payments-api', 'repository=acme/web');
    expect([web.totalCount, web.items]).toEqual([0, []]);

    const both = await all('two-orgs');
    expect(both.totalCount).toBe(12);
    expect(both.counts).toMatchObject({ critical: 3, high: 4, total: 12 });
  });

  it('filters narrow items and totalCount as the counts and the whole list say', async () => {
    const everything = await all('two-orgs');
    const { counts } = everything;
    const cve = everything.items[5].cves[0];
    const pkg = everything.items[7].package ?? 'x';
    const matches = (q: string) => (f: Finding) =>
      [...f.cves, f.package ?? '', f.title].some(v =>
        v.toLowerCase().includes(q.toLowerCase()),
      );
    const cases: Array<[string, (f: Finding) => boolean, number?]> = [
      [
        'severity=Critical,High',
        f => rank(f) <= 1,
        counts.critical + counts.high,
      ],
      ['severity=low', f => f.severity === 'Low', counts.low],
      ['fixable=true', f => !!f.fixedVersion, counts.fixable],
      ['fixable=false', f => !f.fixedVersion, counts.total - counts.fixable],
      ['repository=acme/web', f => f.repository === 'acme/web'],
      ['repository=Team1/SVC', f => f.repository === 'team1/svc'],
      [`q=${cve.toUpperCase()}`, matches(cve)],
      [`q=${encodeURIComponent(pkg)}`, matches(pkg)],
      // LIKE's wildcards are taken literally: nothing has them.
      ['q=_', matches('_')],
      ['q=%25', matches('%')],
      [
        'severity=High&fixable=true&repository=acme/payments-api',
        f =>
          f.severity === 'High' &&
          !!f.fixedVersion &&
          f.repository === 'acme/payments-api',
      ],
    ];
    for (const [query, keep, fromCounts] of cases) {
      const expected = everything.items.filter(keep);
      const page = await all('two-orgs', query);
      expect([query, ids(page.items).sort()]).toEqual([
        query,
        ids(expected).sort(),
      ]);
      const wanted = fromCounts ?? expected.length;
      expect([query, page.totalCount, expected.length]).toEqual([
        query,
        wanted,
        wanted,
      ]);
      // Counts are what the filters choose from, whatever is chosen.
      expect(page.counts).toEqual(counts);
    }
    expect(everything.items.filter(matches(cve)).length).toBeLessThan(12);
  });

  it('sorts by each key in both orders', async () => {
    const everything = await all('two-orgs');
    for (const [sort, key] of Object.entries(SORT_KEYS)) {
      for (const order of ['asc', 'desc'] as const) {
        const { items } = await all('two-orgs', `sort=${sort}&order=${order}`);
        expect(ids(items).sort()).toEqual(ids(everything.items).sort());
        const wrong = items.findIndex(
          (f, i) => i > 0 && !inOrder(items[i - 1], f, key, order),
        );
        expect([sort, order, wrong]).toEqual([sort, order, -1]);
      }
    }
    // Default: the most severe first.
    expect(ids(everything.items)).toEqual(
      ids((await all('two-orgs', 'sort=severity&order=asc')).items),
    );
    expect(everything.items[0].severity).toBe('Critical');
  });

  it('pages through every finding exactly once, in order, with nextCursor', async () => {
    const runs: Array<[string, number]> = [
      ['', 5],
      ['', 4],
      ['sort=image&order=desc', 5],
      ['sort=firstSeen', 1],
      ['sort=package&order=desc&severity=High,Medium', 3],
    ];
    for (const [query, limit] of runs) {
      const whole = await all('two-orgs', query);
      const seen: string[] = [];
      const sizes: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await findings(
          server,
          'two-orgs',
          `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.totalCount).toBe(whole.totalCount);
        sizes.push(page.items.length);
        seen.push(...ids(page.items));
        cursor = page.nextCursor;
      } while (cursor && sizes.length < 50);
      expect([query, limit, seen]).toEqual([query, limit, ids(whole.items)]);
      // Full pages, then the rest; the last page (even a full one) has no nextCursor.
      const pages = Math.ceil(whole.totalCount / limit);
      expect(sizes).toEqual(
        Array.from({ length: pages }, (_, i) =>
          Math.min(limit, whole.totalCount - i * limit),
        ),
      );
    }
    // The page size may change between pages: it is not part of the list.
    const first = await findings(server, 'two-orgs', 'limit=5');
    const rest = await findings(
      server,
      'two-orgs',
      `limit=7&cursor=${first.nextCursor}`,
    );
    expect(ids(rest.items)).toEqual(
      ids((await all('two-orgs')).items).slice(5),
    );
    expect(rest.nextCursor).toBeUndefined();
  });

  describe('with health.findings.maxPerConnector 5', () => {
    let cut: { server: Server; stop(): Promise<void> };
    beforeAll(async () => {
      cut = await startFindingsTestBackend({
        emulator,
        features: [findingsCatalog().mock.factory],
        health: { findings: { maxPerConnector: 5 } },
        database: { databases, id: databaseId },
      });
    });
    afterAll(() => cut.stop());

    it('says which connector was cut, and keeps the most severe', async () => {
      const whole = await all('acme-all');
      const kept = await findings(cut.server, 'acme-all', 'limit=200');
      expect(kept.truncated).toEqual([
        { connectorId: ACME, organization: 'acme', stored: 5, open: 11 },
      ]);
      expect(kept.totalCount).toBe(5);
      const dropped = whole.items.filter(f => !ids(kept.items).includes(f.id));
      expect(dropped).toHaveLength(6);
      // No Low kept while a Critical is dropped.
      expect(Math.max(...kept.items.map(rank))).toBeLessThanOrEqual(
        Math.min(...dropped.map(rank)),
      );
    });

    it("counts as the card does (Defender's open totals), fixable over the stored findings", async () => {
      const whole = await all('acme-all');
      const kept = await findings(cut.server, 'acme-all', 'limit=200');
      const { fixable: _, ...open } = whole.counts;
      expect(kept.counts).toEqual({
        ...open,
        fixable: kept.items.filter(f => f.fixedVersion).length,
      });
      expect(kept.counts.total).toBe(kept.truncated[0].open);
      // What was cut is not listed: the tab says so through `truncated`.
      const medium = await findings(cut.server, 'acme-all', 'severity=Medium');
      expect([medium.totalCount, kept.counts.medium]).toEqual([0, 4]);
    });
  });
});
