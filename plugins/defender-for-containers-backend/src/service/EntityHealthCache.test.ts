import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { EntityDefenderResponse } from '@defender-backstage/plugin-defender-for-containers-common';
import { bareSnapshot } from '../__testUtils__/bareSnapshot';
import { componentEntity } from '../__testUtils__/componentEntity';
import { testHealthService } from '../__testUtils__/testHealthService';
import type { HealthStore } from '../store/HealthStore';
import { KnexHealthStore } from '../store/KnexHealthStore';
import { clearOnWrite } from './clearOnWrite';
import { EntityHealthCache } from './EntityHealthCache';

const SUB = '00000000-0000-0000-0000-0000000000a1';
const snapshot = (reportedStatus: 'healthy' | 'unhealthy') =>
  bareSnapshot(SUB, 'acme', reportedStatus);
const ID = snapshot('healthy').id;
const answer = (entityRef: string): EntityDefenderResponse => ({
  entityRef,
  organizations: [],
  repositories: [],
  connectors: [],
  ignored: [],
});

describe('EntityHealthCache', () => {
  it('answers until the entry is ttl old, then forgets it', () => {
    let now = 1_000;
    const cache = new EntityHealthCache({ ttlMs: 5_000, now: () => now });
    cache.set('a', answer('a'), cache.generation);
    now += 4_999;
    expect(cache.get('a')?.entityRef).toBe('a');
    now += 1;
    expect(cache.get('a')).toBeUndefined();
  });

  it('refuses an answer read before a write cleared it', () => {
    const cache = new EntityHealthCache({ ttlMs: 5_000 });
    const before = cache.generation;
    cache.clear(); // a write landed while the answer was being read
    cache.set('a', answer('a'), before);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', answer('a'), cache.generation);
    expect(cache.get('a')?.entityRef).toBe('a');
  });

  it('keeps nothing with a ttl of 0, and at most maxEntries (oldest first out)', () => {
    const off = new EntityHealthCache({ ttlMs: 0 });
    off.set('a', answer('a'), off.generation);
    expect(off.get('a')).toBeUndefined();

    const small = new EntityHealthCache({ ttlMs: 5_000, maxEntries: 2 });
    for (const k of ['a', 'b', 'c']) small.set(k, answer(k), small.generation);
    expect(['a', 'b', 'c'].map(k => small.get(k)?.entityRef)).toEqual([
      undefined,
      'b',
      'c',
    ]);
  });

  it('keeps at most maxBytes of answers as JSON, least recently used first out', () => {
    const size = Buffer.byteLength(JSON.stringify(answer('a')));
    const cache = new EntityHealthCache({ ttlMs: 5_000, maxBytes: 2 * size });
    cache.set('a', answer('a'), cache.generation);
    cache.set('b', answer('b'), cache.generation);
    expect(cache.get('a')?.entityRef).toBe('a');
    cache.set('c', answer('c'), cache.generation);
    expect(['a', 'b', 'c'].map(k => cache.get(k)?.entityRef)).toEqual([
      'a',
      undefined,
      'c',
    ]);
  });
});

describe('clearOnWrite', () => {
  it('clears after each write, also a failed one; reads and refresh claims leave it', async () => {
    const cache = new EntityHealthCache({ ttlMs: 5_000 });
    const calls: string[] = [];
    const fake = new Proxy({} as HealthStore, {
      get: (_, method: string) => async () => {
        calls.push(method);
        if (method === 'markConnectorFailed') throw new Error('deadlock');
        return method === 'getConnectors' ? [] : {};
      },
    });
    const store = clearOnWrite(fake, cache);
    const cleared = async (fn: () => Promise<unknown>) => {
      cache.set('k', answer('k'), cache.generation);
      await fn().catch(() => undefined);
      return cache.get('k') === undefined;
    };
    const at = new Date();
    expect(await cleared(() => store.replaceSubscription(SUB, [], at))).toBe(
      true,
    );
    expect(
      await cleared(() => store.upsertConnector(snapshot('healthy'), at)),
    ).toBe(true);
    expect(await cleared(() => store.removeConnector(ID, at))).toBe(true);
    expect(
      await cleared(() => store.markSubscriptionFailed(SUB, at, 'x')),
    ).toBe(true);
    expect(await cleared(() => store.markConnectorFailed(ID, at, 'x'))).toBe(
      true,
    );
    expect(await cleared(() => store.pruneHistory('2026-01-01'))).toBe(true);
    expect(await cleared(() => store.claimRefresh(ID, at, 1))).toBe(false);
    expect(await cleared(() => store.getConnectors({ ids: [ID] }))).toBe(false);
    expect(await cleared(() => store.getTrend([ID], '2026-01-01'))).toBe(false);
    expect(await cleared(() => store.getSubscriptionStates())).toBe(false);
    expect(await cleared(() => store.listOwners([SUB]))).toBe(false);
    expect(
      await cleared(() =>
        store.listConnectors(
          { subscriptionIds: [SUB] },
          { limit: 1, offset: 0 },
        ),
      ),
    ).toBe(false);
    expect(calls).toContain('markConnectorFailed');
  });
});

describe('the entity route behind the cache, two replicas on one database', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it("serves its own writes at once, another replica's after cacheSeconds, and still reads the entity as each caller", async () => {
    const knex = await databases.init('SQLITE_3');
    const db = await KnexHealthStore.create({ getClient: async () => knex });
    await db.replaceSubscription(SUB, [snapshot('healthy')], new Date());
    let now = Date.now();
    let organizations = 'acme';
    const catalog = catalogServiceMock.mock({
      // Only the owner may read the entity.
      getEntityByRef: jest.fn(async (_ref: any, options: any) =>
        options?.credentials?.principal?.userEntityRef === 'user:default/owner'
          ? componentEntity('x', {
              'microsoft.com/defender-dockerhub-organization': organizations,
            })
          : undefined,
      ),
    });
    const replica = () => {
      const cache = new EntityHealthCache({ ttlMs: 5_000, now: () => now });
      const store = clearOnWrite(db, cache);
      const service = testHealthService({
        store,
        catalog,
        subscriptions: [{ id: SUB, displayName: 'S' }],
        cache,
      });
      const status = async (user = 'user:default/owner') => {
        const r = await service.getEntityHealth(
          { kind: 'component', namespace: 'default', name: 'x' },
          { credentials: mockCredentials.user(user) },
        );
        return r.connectors[0].status;
      };
      return { store, status };
    };
    const a = replica();
    const b = replica();
    expect([await a.status(), await b.status()]).toEqual([
      'healthy',
      'healthy',
    ]);

    await a.store.replaceSubscription(SUB, [snapshot('unhealthy')], new Date());
    expect(await a.status()).toBe('unhealthy'); // its own write: at once
    expect(await b.status()).toBe('healthy'); // the other's: from memory…
    now += 5_000;
    expect(await b.status()).toBe('unhealthy'); // …for at most cacheSeconds

    // The answer is cached; the right to read the entity is not.
    expect(await a.status()).toBe('unhealthy');
    await expect(a.status('user:default/someone-else')).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    // Nor are the annotations: the entity names another organization, the answer follows.
    organizations = 'globex';
    expect(await a.status()).toBe('missing');
  });
});
