import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { EntityDefenderResponse } from '@defender-backstage/plugin-defender-for-containers-common';
import { callMcp } from '@defender-backstage/plugin-defender-for-containers-node/testUtils';
import type { Server } from 'node:http';
import request from 'supertest';
import {
  catalogAsCaller,
  providedConnectorResource,
} from '../__testUtils__/catalogAsCaller';
import { componentEntity } from '../__testUtils__/componentEntity';
import { ACME, GLOBEX, INITECH } from '../__testUtils__/healthTestWorld';
import { useHealthEmulator } from '../__testUtils__/useHealthEmulator';
import { startHealthTestBackend } from '../__testUtils__/startHealthTestBackend';

jest.setTimeout(60_000);

const API = '/api/defender-for-containers';
/** May read acme's connector Resource (and a hand-made globex one), not initech's. */
const ALICE = 'user:default/alice';
/** May read initech's connector Resource only. */
const BOB = 'user:default/bob';

const squatted: Entity = {
  ...providedConnectorResource(GLOBEX, 'globex'),
  metadata: {
    ...providedConnectorResource(GLOBEX, 'globex').metadata,
    // Registered by hand under the provider's name: the catalog records where it came from.
    annotations: {
      'microsoft.com/defender-connector-id': GLOBEX,
      'microsoft.com/defender-dockerhub-organization': 'globex',
      'backstage.io/managed-by-location':
        'url:https://example.com/squatter.yaml',
      'backstage.io/managed-by-origin-location':
        'url:https://example.com/squatter.yaml',
    },
  },
};

const ENTITIES = [
  componentEntity('platform', {
    'microsoft.com/defender-dockerhub-organization': 'acme, initech, globex',
  }),
  providedConnectorResource(ACME, 'acme'),
  providedConnectorResource(INITECH, 'initech'),
  squatted,
];

/** The catalog's permission rules, as this test's policy: per user, per connector Resource. */
const mayRead = (user: string | undefined, e: Entity) => {
  if (e.kind !== 'Resource') return true;
  const name = e.metadata.name;
  if (user === ALICE) return name !== 'defender-dockerhub-initech';
  if (user === BOB) return name === 'defender-dockerhub-initech';
  return true;
};

describe('health.readScope: who sees which connector', () => {
  const t = useHealthEmulator();

  const start = async (readScope: 'connector-entity' | 'all') => {
    const catalog = catalogAsCaller(ENTITIES, mayRead);
    const backend = await startHealthTestBackend({
      emulator: t,
      readScope,
      mcp: true,
      features: [catalog.mock.factory, mockServices.permissions.factory()],
    });
    await backend.health.refreshAll();
    return { ...backend, calls: catalog.calls };
  };
  const get = (server: Server, user: string, path: string) =>
    request(server)
      .get(`${API}${path}`)
      .set('authorization', mockCredentials.user.header(user))
      .expect(200);
  const card = async (server: Server, user: string) =>
    (await get(server, user, '/entities/component/default/platform/defender'))
      .body as EntityDefenderResponse;
  const byOrg = (r: EntityDefenderResponse) =>
    Object.fromEntries(
      r.connectors.map(c => [(c as { organization: string }).organization, c]),
    );

  describe('connector-entity (the default)', () => {
    let server: Server;
    let stop: () => Promise<void>;
    let calls: ReturnType<typeof catalogAsCaller>['calls'];
    beforeAll(async () => {
      ({ server, stop, calls } = await start('connector-entity'));
    });
    afterAll(() => stop());

    it('the card: each user gets the data of the connectors whose Resource they may read, and for the others only "not allowed"', async () => {
      const alice = byOrg(await card(server, ALICE));
      expect(alice.acme).toMatchObject({ status: 'healthy', id: ACME });
      expect(alice.initech).toEqual({
        status: 'notAllowed',
        organization: 'initech',
        message: expect.stringContaining(
          'may read resource:default/defender-dockerhub-initech',
        ),
      });
      // A Resource registered by hand under the provider's name grants nothing.
      expect(alice.globex).toMatchObject({ status: 'notAllowed' });
      const bob = await card(server, BOB);
      expect(byOrg(bob).initech).toMatchObject({
        status: 'unhealthy',
        id: INITECH,
      });
      expect(byOrg(bob).acme).toMatchObject({ status: 'notAllowed' });
      // Nothing of acme's connector reaches Bob: no id, name, owner or findings.
      expect(Object.keys(byOrg(bob).acme).sort()).toEqual([
        'message',
        'organization',
        'status',
      ]);
      for (const acmeOnly of [
        'securityConnectors/dockerhub-acme',
        'mdc-acme',
        'group:default/payments',
      ]) {
        expect(JSON.stringify(bob)).not.toContain(acmeOnly);
      }
    });

    it('the card asks the catalog once per answer for every connector, batched', async () => {
      const before = { ...calls };
      await card(server, ALICE);
      expect(calls.getEntityByRef - before.getEntityByRef).toBe(1);
      expect(calls.getEntitiesByRefs - before.getEntitiesByRefs).toBe(1);
    });

    it('the overview and its owner filter list only the connectors the caller may see', async () => {
      const list = async (user: string) =>
        (await get(server, user, '/connectors?limit=200')).body;
      const alice = await list(ALICE);
      expect(alice.items.map((c: any) => c.organization)).toEqual(['acme']);
      expect(alice.totalCount).toBe(1);
      const bob = await list(BOB);
      expect(bob.items.map((c: any) => c.organization)).toEqual(['initech']);
      expect(
        (await get(server, ALICE, '/connectors/owners')).body.items,
      ).toEqual(['group:default/payments']);
      expect((await get(server, BOB, '/connectors/owners')).body.items).toEqual(
        [],
      );
    });

    it('the AI action answers as the card does', async () => {
      const { result } = await callMcp(server, {
        method: 'tools/call',
        params: {
          name: 'defender-for-containers.get-entity-defender-health',
          arguments: { entityRef: 'component:default/platform' },
        },
        authorization: mockCredentials.user.header(BOB),
      });
      expect(result.isError).toBeFalsy();
      const out = result.structuredContent;
      expect(out.summary).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^acme: not allowed — /),
          expect.stringMatching(/^initech: unhealthy/),
        ]),
      );
      expect(
        out.connectors.find((c: any) => c.organization === 'acme'),
      ).toEqual({
        organization: 'acme',
        status: 'notAllowed',
        message: expect.any(String),
        issues: [],
      });
      expect(JSON.stringify(out)).not.toContain(ACME);
    });
  });

  describe('all', () => {
    it('shows every connector to whoever has connector.read, as before', async () => {
      const { server, stop } = await start('all');
      try {
        const alice = byOrg(await card(server, ALICE));
        expect(alice.initech).toMatchObject({ status: 'unhealthy' });
        expect(alice.globex.status).not.toBe('notAllowed');
        const list = (await get(server, BOB, '/connectors?limit=200')).body;
        expect(list.items.map((c: any) => c.organization)).toContain('acme');
      } finally {
        await stop();
      }
    });
  });
});
