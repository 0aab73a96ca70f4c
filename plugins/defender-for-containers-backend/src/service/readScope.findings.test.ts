import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type {
  EntityFindingsResponse,
  EntityRollupResponse,
  OwnerRollupResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { Server } from 'node:http';
import request from 'supertest';
import {
  catalogAsCaller,
  providedConnectorResource,
} from '../__testUtils__/catalogAsCaller';
import { groupEntity, ownedBy } from '../__testUtils__/catalogRelations';
import { componentEntity } from '../__testUtils__/componentEntity';
import {
  ACME,
  TEAM,
  TOKENS,
  connectorIdOf,
} from '../__testUtils__/healthTestWorld';
import { startFindingsTestBackend } from '../__testUtils__/startFindingsTestBackend';
import {
  createStorageTestDatabases,
  storageTestDatabaseIds,
} from '../__testUtils__/storageTestDatabases';
import { useHealthEmulator } from '../__testUtils__/useHealthEmulator';

jest.setTimeout(120_000);

const API = '/api/defender-for-containers';
const TEAM1 = connectorIdOf(TEAM, 'dockerhub-team1');
/** May read acme's connector Resource, not team1's. */
const ALICE = 'user:default/alice';
/** May read team1's connector Resource, not acme's. */
const BOB = 'user:default/bob';
/** May read neither. */
const CAROL = 'user:default/carol';
const ORG = 'microsoft.com/defender-dockerhub-organization';

const ENTITIES = [
  groupEntity('payments'),
  ownedBy(componentEntity('platform', { [ORG]: 'acme, team1' }), 'payments'),
  ownedBy(
    componentEntity('acme-web', {
      'microsoft.com/defender-dockerhub-repository': 'acme/web',
    }),
    'payments',
  ),
  ownedBy(componentEntity('team1-svc', { [ORG]: 'team1' }), 'payments'),
  providedConnectorResource(ACME, 'acme'),
  providedConnectorResource(TEAM1, 'team1'),
];
const mayRead = (user: string | undefined, e: Entity) => {
  if (e.kind !== 'Resource') return true;
  if (user === ALICE) return e.metadata.name === 'defender-dockerhub-acme';
  if (user === BOB) return e.metadata.name === 'defender-dockerhub-team1';
  return user !== CAROL;
};
const ACME_TOTALS = { critical: 3, high: 3, medium: 4, low: 1 };
const TEAM1_TOTALS = { critical: 0, high: 1, medium: 0, low: 0 };
const ZERO = { critical: 0, high: 0, medium: 0, low: 0 };

/** What a caller must not learn of a connector they may not see. */
const secretsOf = (id: string, org: string) => [id, `${org}/`];

describe.each(storageTestDatabaseIds())(
  'findings and roll-ups per health.readScope, on %s',
  databaseId => {
    const emulator = useHealthEmulator();
    const databases = createStorageTestDatabases();
    const start = (readScope: 'connector-entity' | 'all') =>
      startFindingsTestBackend({
        emulator,
        readScope,
        database: { databases, id: databaseId },
        features: [
          catalogAsCaller(ENTITIES, mayRead).mock.factory,
          mockServices.permissions.factory(),
        ],
      });
    const get = async (server: Server, user: string, path: string) => {
      const res = await request(server)
        .get(`${API}${path}`)
        .set('authorization', mockCredentials.user.header(user))
        .expect(200);
      for (const token of TOKENS) expect(res.text).not.toContain(token);
      return res;
    };
    const findings = async (server: Server, user: string, name: string) =>
      (
        await get(
          server,
          user,
          `/entities/component/default/${name}/defender/findings?limit=200`,
        )
      ).body as EntityFindingsResponse;
    const rollup = async (server: Server, user: string) =>
      (
        await get(
          server,
          user,
          '/entities/group/default/payments/defender/rollup',
        )
      ).body as EntityRollupResponse;
    const ownerRollup = async (server: Server, user: string) =>
      (await get(server, user, '/connectors/rollup'))
        .body as OwnerRollupResponse;
    const connectorIds = (r: OwnerRollupResponse) =>
      r.items.flatMap(o => o.connectors.map(c => c.id));

    describe('connector-entity', () => {
      let server: Server;
      let stop: () => Promise<void>;
      beforeAll(async () => {
        ({ server, stop } = await start('connector-entity'));
      });
      afterAll(() => stop());

      it('the findings route gives each user only the findings of connectors they may read', async () => {
        const alice = await findings(server, ALICE, 'platform');
        expect(new Set(alice.items.map(f => f.connectorId))).toEqual(
          new Set([ACME]),
        );
        expect(alice.counts).toMatchObject({ ...ACME_TOTALS, total: 11 });
        expect(alice.totalCount).toBe(11);
        expect(alice.repositories).toEqual(['acme/payments-api', 'acme/web']);
        expect(alice.notAllowed).toEqual([
          {
            status: 'notAllowed',
            organization: 'team1',
            message: expect.stringContaining(
              'resource:default/defender-dockerhub-team1',
            ),
          },
        ]);
        for (const secret of secretsOf(TEAM1, 'team1')) {
          expect(JSON.stringify(alice)).not.toContain(secret);
        }

        const bob = await findings(server, BOB, 'platform');
        expect(bob.items.map(f => [f.connectorId, f.repository])).toEqual([
          [TEAM1, 'team1/svc'],
        ]);
        expect(bob.counts).toMatchObject({ ...TEAM1_TOTALS, total: 1 });
        expect(bob.notAllowed.map(n => n.organization)).toEqual(['acme']);
        for (const secret of secretsOf(ACME, 'acme')) {
          expect(JSON.stringify(bob)).not.toContain(secret);
        }
        // An entity of acme's only: nothing, and why.
        const hidden = await findings(server, BOB, 'acme-web');
        expect(hidden).toMatchObject({
          items: [],
          totalCount: 0,
          counts: { ...ZERO, total: 0, fixable: 0 },
          repositories: [],
          truncated: [],
          notAllowed: [{ organization: 'acme', status: 'notAllowed' }],
        });
      });

      it('the group roll-up counts only the connectors the caller may read', async () => {
        const alice = await rollup(server, ALICE);
        expect(alice.totals).toEqual(ACME_TOTALS);
        expect(alice.connectors.map(c => c.id)).toEqual([ACME]);
        expect(alice.notAllowed.map(n => n.organization)).toEqual(['team1']);
        expect(
          alice.components.find(c => c.entityRef.endsWith('/team1-svc')),
        ).toMatchObject({
          status: 'notAllowed',
          counts: ZERO,
          connectorIds: [],
        });
        expect(JSON.stringify(alice)).not.toContain(TEAM1);

        const bob = await rollup(server, BOB);
        expect(bob.totals).toEqual(TEAM1_TOTALS);
        expect(bob.fixable).toBe(
          (await findings(server, BOB, 'team1-svc')).counts.fixable,
        );
        expect(bob.connectors.map(c => c.id)).toEqual([TEAM1]);
        expect(
          bob.components.find(c => c.entityRef.endsWith('/acme-web')),
        ).toMatchObject({ status: 'notAllowed', counts: ZERO, fixable: 0 });
        expect(
          bob.components.find(c => c.entityRef.endsWith('/platform')),
        ).toMatchObject({ counts: TEAM1_TOTALS, connectorIds: [TEAM1] });
        expect(JSON.stringify(bob)).not.toContain(ACME);
      });

      it('the owner roll-up lists and counts only the connectors the caller may read', async () => {
        const alice = await ownerRollup(server, ALICE);
        expect(connectorIds(alice)).toEqual([ACME]);
        expect(alice.items).toEqual([
          expect.objectContaining({
            owner: 'group:default/payments',
            totals: ACME_TOTALS,
          }),
        ]);
        expect(alice.items[0].connectors[0].components.sort()).toEqual([
          'component:default/acme-web',
          'component:default/platform',
        ]);
        const bob = await ownerRollup(server, BOB);
        expect(connectorIds(bob)).toEqual([TEAM1]);
        expect(bob.items[0].totals).toEqual(TEAM1_TOTALS);
        expect(JSON.stringify(bob)).not.toContain(ACME);
      });

      it('a caller who may read no connector Resource gets no findings and no counts anywhere', async () => {
        const found = await findings(server, CAROL, 'platform');
        expect([found.totalCount, found.items]).toEqual([0, []]);
        expect(found.notAllowed.map(n => n.organization).sort()).toEqual([
          'acme',
          'team1',
        ]);
        const group = await rollup(server, CAROL);
        expect([group.totals, group.fixable, group.connectors]).toEqual([
          ZERO,
          0,
          [],
        ]);
        expect((await ownerRollup(server, CAROL)).items).toEqual([]);
      });
    });

    describe('all', () => {
      it('shows every connector in the findings route and both roll-ups', async () => {
        const { server, stop } = await start('all');
        try {
          const alice = await findings(server, ALICE, 'platform');
          expect(alice.totalCount).toBe(12);
          expect(new Set(alice.items.map(f => f.connectorId))).toEqual(
            new Set([ACME, TEAM1]),
          );
          expect(alice.notAllowed).toEqual([]);
          const group = await rollup(server, ALICE);
          expect(group.totals).toEqual({ ...ACME_TOTALS, high: 4 });
          expect(group.notAllowed).toEqual([]);
          const owners = connectorIds(await ownerRollup(server, BOB));
          expect(owners).toEqual(expect.arrayContaining([ACME, TEAM1]));
        } finally {
          await stop();
        }
      });
    });
  },
);
