import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { ScenarioInput } from '@defender-backstage/azure-dockerhub-emulator';
import type {
  EntityFindingsResponse,
  EntityRollupResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { Server } from 'node:http';
import request from 'supertest';
import { catalogAsCaller } from '../__testUtils__/catalogAsCaller';
import {
  groupEntity,
  ownedBy,
  systemEntity,
} from '../__testUtils__/catalogRelations';
import { componentEntity } from '../__testUtils__/componentEntity';
import {
  ACME,
  INITECH,
  TEAM,
  TOKENS,
  connectorIdOf,
  healthScenario,
} from '../__testUtils__/healthTestWorld';
import { startFindingsTestBackend } from '../__testUtils__/startFindingsTestBackend';
import {
  createStorageTestDatabases,
  storageTestDatabaseIds,
} from '../__testUtils__/storageTestDatabases';
import { useHealthEmulator } from '../__testUtils__/useHealthEmulator';

jest.setTimeout(120_000);

const API = '/api/defender-for-containers';
const READER = 'user:default/reader';
/** The only one who may read the component 'hidden'. */
const OWNER = 'user:default/owner';
const ORG = 'microsoft.com/defender-dockerhub-organization';
const REPO = 'microsoft.com/defender-dockerhub-repository';
const team = (n: number) => connectorIdOf(TEAM, `dockerhub-team${n}`);

/** The health world, with team2's and team3's image less alike: one Medium, two Low. */
const scenario: ScenarioInput = {
  ...healthScenario,
  dockerHub: {
    ...healthScenario.dockerHub!,
    orgs: healthScenario.dockerHub!.orgs!.map(org => {
      const findings = {
        team2: { critical: 0, high: 1, medium: 1, low: 0 },
        team3: { critical: 0, high: 1, medium: 0, low: 2 },
      }[org.name];
      return findings
        ? {
            ...org,
            repositories: [{ name: 'svc', tags: [{ name: '1.0', findings }] }],
          }
        : org;
    }),
  },
};

const component = (name: string, annotations: Record<string, string>) =>
  componentEntity(name, annotations);
const titled: Entity = component('acme-platform', { [ORG]: 'acme' });
titled.metadata.title = 'ACME platform';
const ENTITIES = [
  groupEntity('payments'),
  groupEntity('payments-sub', 'payments'),
  groupEntity('payments-leaf', 'payments-sub'),
  systemEntity('checkout'),
  ownedBy(
    component('payments-api', { [REPO]: 'acme/payments-api' }),
    'payments',
    'checkout',
  ),
  ownedBy(titled, 'payments'),
  ownedBy(
    component('acme-web', { [REPO]: 'acme/web' }),
    'payments',
    'checkout',
  ),
  ownedBy(component('acme-docs', { [REPO]: 'acme/docs' }), 'payments'),
  ownedBy(component('ghost', { [ORG]: 'nosuchorg' }), 'payments'),
  ownedBy(component('plain', {}), 'payments'),
  ownedBy(component('initech-billing', { [ORG]: 'initech' }), 'payments'),
  ownedBy(component('team2-svc', { [ORG]: 'team2' }), 'payments'),
  ownedBy(component('team3-svc', { [ORG]: 'team3' }), 'payments'),
  ownedBy(component('hidden', { [ORG]: 'team4' }), 'payments'),
  ownedBy(component('team1-svc', { [ORG]: 'team1' }), 'payments-sub'),
  ownedBy(component('globex-svc', { [ORG]: 'globex' }), 'payments-leaf'),
];
const mayRead = (user: string | undefined, e: Entity) =>
  e.metadata.name !== 'hidden' || user === OWNER;
const ref = (name: string) => `component:default/${name}`;
/** Worst first: counts, then status (unhealthy, missing, pending, healthy). */
const WORST_FIRST = [
  'acme-platform', // 3 critical
  'payments-api', // 2 critical
  'acme-web', // 1 critical
  'team2-svc', // 1 high, 1 medium
  'team3-svc', // 1 high, 2 low
  'initech-billing', // none, unhealthy
  'ghost', // none, no connector
  'acme-docs', // none, healthy
];

describe.each(storageTestDatabaseIds())(
  'Group and System roll-ups, on %s',
  databaseId => {
    const emulator = useHealthEmulator({ scenario });
    const databases = createStorageTestDatabases();
    let server: Server;
    let stop: () => Promise<void>;
    beforeAll(async () => {
      ({ server, stop } = await startFindingsTestBackend({
        emulator,
        database: { databases, id: databaseId },
        features: [catalogAsCaller(ENTITIES, mayRead).mock.factory],
      }));
    });
    afterAll(() => stop());

    const get = async (
      srv: Server,
      path: string,
      status = 200,
      user = READER,
    ) => {
      const res = await request(srv)
        .get(`${API}/entities/${path}`)
        .set('authorization', mockCredentials.user.header(user));
      for (const token of TOKENS) expect(res.text).not.toContain(token);
      expect(res.status).toBe(status);
      return res.body;
    };
    const rollup = (
      path: string,
      user = READER,
    ): Promise<EntityRollupResponse> => {
      const [entity, query = ''] = path.split('?');
      return get(server, `${entity}/defender/rollup?${query}`, 200, user);
    };
    const findingsOf = (name: string): Promise<EntityFindingsResponse> =>
      get(server, `component/default/${name}/defender/findings?limit=1`);

    it("lists a group's components worst first, each with its own counts and connectors", async () => {
      const r = await rollup('group/default/payments');
      expect(r.entityRef).toBe('group:default/payments');
      expect(r.includesChildGroups).toBe(false);
      expect(r.components.map(c => c.entityRef)).toEqual(WORST_FIRST.map(ref));
      // 'plain' has no annotation: counted, not listed.
      expect(r.componentCount).toBe(WORST_FIRST.length + 1);
      expect(r.componentsTruncated).toBeUndefined();
      const byName = Object.fromEntries(
        r.components.map(c => [c.entityRef.split('/')[1], c]),
      );
      expect(byName['acme-platform']).toMatchObject({
        title: 'ACME platform',
        status: 'healthy',
        counts: { critical: 3, high: 3, medium: 4, low: 1 },
        connectorIds: [ACME],
      });
      expect(byName.ghost).toMatchObject({
        status: 'missing',
        connectorIds: [],
      });
      expect(byName['initech-billing']).toMatchObject({
        status: 'unhealthy',
        connectorIds: [INITECH],
      });
      expect(byName['acme-docs']).toMatchObject({
        status: 'healthy',
        counts: { critical: 0, high: 0, medium: 0, low: 0 },
        fixable: 0,
      });
      const connectors = Object.fromEntries(r.connectors.map(c => [c.id, c]));
      expect(Object.keys(connectors).sort()).toEqual(
        [ACME, INITECH, team(2), team(3)].sort(),
      );
      expect(connectors[ACME]).toMatchObject({
        organization: 'acme',
        components: 4,
        counts: { critical: 3, high: 3, medium: 4, low: 1 },
      });
    });

    it('counts an image two components share once, and fixable as the stored findings say', async () => {
      const r = await rollup('group/default/payments');
      // acme-platform covers payments-api's and acme-web's images.
      expect(r.totals).toEqual({ critical: 3, high: 5, medium: 5, low: 3 });
      let fixable = 0;
      for (const c of r.components.filter(x => x.connectorIds.length)) {
        const name = c.entityRef.split('/')[1];
        const { counts } = await findingsOf(name);
        expect([name, c.fixable, c.counts]).toEqual([
          name,
          counts.fixable,
          {
            critical: counts.critical,
            high: counts.high,
            medium: counts.medium,
            low: counts.low,
          },
        ]);
        if (['acme-platform', 'team2-svc', 'team3-svc'].includes(name))
          fixable += counts.fixable;
      }
      expect(r.fixable).toBe(fixable);
      expect(fixable).toBeGreaterThan(0);
    });

    it("with children=true adds the child groups' components, all the way down", async () => {
      const r = await rollup('group/default/payments?children=true');
      expect(r.includesChildGroups).toBe(true);
      const expected = [...WORST_FIRST];
      expected.splice(5, 0, 'team1-svc'); // 1 high, before those without findings
      expected.splice(8, 0, 'globex-svc'); // pending: after missing, before healthy
      expect(r.components.map(c => c.entityRef)).toEqual(expected.map(ref));
      expect(r.componentCount).toBe(expected.length + 1);
      expect(r.totals).toEqual({ critical: 3, high: 6, medium: 5, low: 3 });
      expect(r.connectors.map(c => c.id)).toContain(team(1));
    });

    it("rolls up a System's components, and refuses other kinds naming Group and System", async () => {
      const r = await rollup('system/default/checkout');
      expect(r.components.map(c => c.entityRef)).toEqual([
        ref('payments-api'),
        ref('acme-web'),
      ]);
      expect(r.componentCount).toBe(2);
      expect(r.includesChildGroups).toBe(false);
      expect(r.totals).toEqual({ critical: 3, high: 3, medium: 4, low: 1 });
      const withChildren = await rollup(
        'system/default/checkout?children=true',
      );
      expect(withChildren.includesChildGroups).toBe(false);
      expect(withChildren.componentCount).toBe(2);

      const refused = await get(
        server,
        'component/default/acme-web/defender/rollup',
        400,
      );
      expect(refused.error.message).toMatch(/Group and System/);
      await get(
        server,
        'group/default/payments/defender/rollup?children=yes',
        400,
      );
      await get(server, 'group/default/no-such-group/defender/rollup', 404);
    });

    it('reads the components as the caller: one they may not read is not rolled up', async () => {
      const reader = await rollup('group/default/payments');
      const owner = await rollup('group/default/payments', OWNER);
      expect(reader.components.map(c => c.entityRef)).not.toContain(
        ref('hidden'),
      );
      expect(reader.connectors.map(c => c.id)).not.toContain(team(4));
      expect(owner.components.map(c => c.entityRef)).toContain(ref('hidden'));
      expect(owner.componentCount).toBe(reader.componentCount + 1);
      expect(owner.totals).toEqual({
        ...reader.totals,
        high: reader.totals.high + 1,
      });
    });

    it('says when there are more components than health.rollup.maxComponents', async () => {
      const small = await startFindingsTestBackend({
        emulator,
        database: { databases, id: databaseId },
        health: { rollup: { maxComponents: 3 } },
        features: [catalogAsCaller(ENTITIES, mayRead).mock.factory],
      });
      try {
        const r: EntityRollupResponse = await get(
          small.server,
          'group/default/payments/defender/rollup',
          200,
          OWNER,
        );
        expect(r.componentsTruncated).toBe(true);
        expect(r.components.length).toBeLessThanOrEqual(3);
        const system: EntityRollupResponse = await get(
          small.server,
          'system/default/checkout/defender/rollup',
          200,
          OWNER,
        );
        expect(system.componentsTruncated).toBeUndefined();
        // The owner view says so too: more annotated components than it reads.
        const owners = async (srv: Server) =>
          (
            await request(srv)
              .get(`${API}/connectors/rollup`)
              .set('authorization', mockCredentials.user.header(OWNER))
              .expect(200)
          ).body;
        expect((await owners(small.server)).truncated).toBe(true);
        expect((await owners(server)).truncated).toBeUndefined();
      } finally {
        await small.stop();
      }
    });
  },
);
