import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { EventsService } from '@backstage/plugin-events-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  CONNECTORS_CHANGED_TOPIC,
  CONNECTOR_SIGNAL_CHANNEL,
  isConnectorHealth,
  type ConnectorHealth,
  type ConnectorListResponse,
  type EntityDefenderResponse,
  type MissingConnector,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { TENANT } from '@defender-backstage/plugin-defender-for-containers-node/testUtils';
import request from 'supertest';
import { catalogAsCaller } from '../__testUtils__/catalogAsCaller';
import { componentEntity } from '../__testUtils__/componentEntity';
import {
  ACME,
  FOREIGN,
  HOOLI,
  INITECH,
  PROD,
  TEAM,
  TOKENS,
  connectorIdOf,
  healthScenario,
  connectorListingForbidden,
} from '../__testUtils__/healthTestWorld';
import { useHealthEmulator } from '../__testUtils__/useHealthEmulator';
import { startHealthTestBackend } from '../__testUtils__/startHealthTestBackend';
import { defenderForContainersPlugin } from '../plugin';
import type { DefenderHealthService } from '../service/DefenderHealthService';

jest.setTimeout(60_000);

const BASE = '/api/defender-for-containers';
const OWNER = 'user:default/owner';
const OTHER = 'user:default/someone-else';
const ENTITIES = [
  componentEntity('payments-api', {
    'microsoft.com/defender-dockerhub-repository': 'acme/payments-api',
  }),
  componentEntity('platform', {
    'microsoft.com/defender-dockerhub-organization':
      'acme, initech, globex, nosuchorg, hooli, bad!org',
    'microsoft.com/defender-connector-id': `${HOOLI}, ${connectorIdOf(
      TEAM,
      'dockerhub-team1',
    )}, /subscriptions/x/evil`,
  }),
  componentEntity('team', {
    'microsoft.com/defender-dockerhub-organization': 'team1',
  }),
  componentEntity('secret', {
    'microsoft.com/defender-dockerhub-organization': 'acme',
  }),
];

describe('health routes (plugin + emulator + database)', () => {
  const t = useHealthEmulator();
  let health: DefenderHealthService;
  let events: EventsService;
  let catalog: ReturnType<typeof catalogAsCaller>['mock'];

  const start = async (features: any[] = []) => {
    const backend = await startHealthTestBackend({
      emulator: t,
      features: [catalog.factory, ...features],
    });
    ({ health, events } = backend);
    return backend.server;
  };
  const allowOnly = (...names: string[]) =>
    mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result: names.includes(r.permission.name)
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
        })),
    });
  const getEntity = (server: any, name: string, user = OWNER) =>
    request(server)
      .get(`${BASE}/entities/component/default/${name}/defender`)
      .set('authorization', mockCredentials.user.header(user));
  const azureCalls = () => t.emu.state().requestLog.length;

  beforeEach(() => {
    // The catalog decides what the caller may read: 'secret' only for its owner.
    catalog = catalogAsCaller(
      ENTITIES,
      (user, e) => e.metadata.name !== 'secret' || user === OWNER,
    ).mock;
  });

  it('answers the card from the database: every status, narrowed findings, trend, and each ignored value', async () => {
    const server = await start();
    await health.refreshAll();

    const platform = await getEntity(server, 'platform').expect(200);
    const body = platform.body as EntityDefenderResponse;
    expect(catalog.getEntityByRef).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'platform' },
      { credentials: mockCredentials.user(OWNER) },
    );
    const status = Object.fromEntries(
      body.connectors.map(c => [
        (c as ConnectorHealth).organization ?? (c as MissingConnector).id,
        c.status,
      ]),
    );
    expect(status).toEqual({
      acme: 'healthy',
      initech: 'unhealthy',
      globex: 'pending',
      team1: 'healthy',
      nosuchorg: 'missing',
      // hooli's connector lives in a subscription Backstage does not read
      hooli: 'missing',
    });
    const acme = body.connectors.find(
      c => isConnectorHealth(c) && c.id === ACME,
    ) as ConnectorHealth;
    expect(acme).toMatchObject({
      subscriptionName: 'Production',
      // in the credential's tenant, so the portal opens the right directory
      portalUrl: `https://portal.azure.com/#@${TENANT}/resource${ACME}`,
      scanIntervalHours: 12,
      plans: { defenderForContainers: 'on', defenderCspm: 'off', warnings: [] },
      findings: { totals: { critical: 3, high: 3, medium: 4, low: 1 } },
      trend: [
        {
          date: expect.any(String),
          status: 'healthy',
          counts: { critical: 3, high: 3, medium: 4, low: 1 },
        },
      ],
    });
    expect(acme.findings.narrowedTo).toBeUndefined();
    const initech = body.connectors.find(
      c => isConnectorHealth(c) && c.id === INITECH,
    ) as ConnectorHealth;
    expect(initech.issues[0]).toMatchObject({
      title: 'Docker Hub access token was revoked',
      remediation: expect.any(String),
    });
    const globex = body.connectors.find(
      c => (c as ConnectorHealth).organization === 'globex',
    )!;
    expect(globex.message).toMatch(/within about an hour/);
    const team1 = body.connectors.find(
      c => (c as ConnectorHealth).organization === 'team1',
    ) as ConnectorHealth;
    expect(team1.plans.warnings).toEqual([
      expect.stringContaining(
        'Defender for Containers plan, which is off on Team',
      ),
    ]);
    expect(
      (
        body.connectors.find(
          c => (c as MissingConnector).organization === 'nosuchorg',
        ) as MissingConnector
      ).message,
    ).toContain('Onboard it');
    expect(body.ignored).toEqual([
      expect.objectContaining({
        value: 'bad!org',
        reason: expect.stringContaining('not a Docker Hub organization'),
      }),
      expect.objectContaining({
        value: '/subscriptions/x/evil',
        reason: expect.stringContaining('not a security connector id'),
      }),
      expect.objectContaining({
        value: HOOLI,
        reason: expect.stringContaining(
          `subscription ${FOREIGN} is not one Backstage reads`,
        ),
      }),
    ]);
    expect(body.refreshedAt).toEqual(expect.any(String));
    for (const token of TOKENS) expect(platform.text).not.toContain(token);

    // A repository narrows its organization's findings and trend.
    const payments = (await getEntity(server, 'payments-api').expect(200))
      .body as EntityDefenderResponse;
    expect(payments.connectors).toHaveLength(1);
    const narrowed = payments.connectors[0] as ConnectorHealth;
    expect(narrowed.findings).toMatchObject({
      narrowedTo: ['acme/payments-api'],
      totals: { critical: 2, high: 3, medium: 3, low: 1 },
      repositories: [{ repository: 'acme/payments-api', images: 2 }],
    });
    expect(
      narrowed.findings.worst.every(w =>
        w.images.every(i => i.startsWith('acme/payments-api:')),
      ),
    ).toBe(true);
    expect(narrowed.trend[0].counts).toEqual({
      critical: 2,
      high: 3,
      medium: 3,
      low: 1,
    });
  });

  it('sends a cached answer as it was serialised, with an ETag: 304 while unchanged, new after a refresh', async () => {
    const server = await start();
    await health.refreshAll();
    const first = await getEntity(server, 'payments-api').expect(200);
    expect(first.headers['content-type']).toBe(
      'application/json; charset=utf-8',
    );
    expect(first.body.connectors[0].organization).toBe('acme');
    const again = await getEntity(server, 'payments-api').expect(200);
    expect(again.text).toBe(first.text);
    expect(again.headers.etag).toBe(first.headers.etag);
    await getEntity(server, 'payments-api')
      .set('if-none-match', first.headers.etag)
      .expect(304);
    // another caller is still authorized on their own, and gets the same bytes
    await getEntity(server, 'secret', OTHER).expect(404);

    await health.refreshAll();
    const after = await getEntity(server, 'payments-api').expect(200);
    expect(after.headers.etag).not.toBe(first.headers.etag);
    expect(after.body.connectors[0].refreshedAt).not.toBe(
      first.body.connectors[0].refreshedAt,
    );
    await getEntity(server, 'payments-api')
      .set('if-none-match', first.headers.etag)
      .expect(200);
  });

  it('never calls Azure for a page view', async () => {
    const server = await start();
    await health.refreshAll();
    const before = azureCalls();
    await getEntity(server, 'platform').expect(200);
    await request(server).get(`${BASE}/connectors`).expect(200);
    expect(azureCalls()).toBe(before);
  });

  it('shows a failing subscription’s connectors as stale since when, with the last good data', async () => {
    const server = await start();
    await health.refreshAll();
    t.emu.injectFault(connectorListingForbidden(TEAM));
    await health.refreshAll();
    const team = (await getEntity(server, 'team').expect(200))
      .body as EntityDefenderResponse;
    expect(team.connectors[0]).toMatchObject({
      status: 'stale',
      reportedStatus: 'healthy',
      staleSince: expect.any(String),
      lastError: expect.stringContaining('AuthorizationFailed'),
      message: expect.stringContaining('could not refresh'),
      findings: { totals: { high: 1 } },
    });
  });

  describe('authorization', () => {
    it('answers 401 without credentials', async () => {
      const server = await start();
      for (const req of [
        request(server).get(
          `${BASE}/entities/component/default/platform/defender`,
        ),
        request(server).get(`${BASE}/connectors`),
        request(server).get(`${BASE}/connectors/owners`),
        request(server).post(
          `${BASE}/connectors/${encodeURIComponent(ACME)}/refresh`,
        ),
      ]) {
        await req
          .set('authorization', mockCredentials.none.header())
          .expect(401);
      }
      expect(catalog.getEntityByRef).not.toHaveBeenCalled();
    });

    it('answers 403 naming connector.read when the policy denies it', async () => {
      const server = await start([
        allowOnly('defender-for-containers.connector.refresh').factory,
      ]);
      const res = await getEntity(server, 'platform').expect(403);
      expect(res.body.error.message).toContain(
        'defender-for-containers.connector.read',
      );
      await request(server).get(`${BASE}/connectors`).expect(403);
      await request(server).get(`${BASE}/connectors/owners`).expect(403);
      expect(catalog.getEntityByRef).not.toHaveBeenCalled();
    });

    it('answers 404 for an entity the caller cannot read, exactly as for one that does not exist', async () => {
      const server = await start();
      await health.refreshAll();
      await getEntity(server, 'secret', OWNER).expect(200);
      const hidden = await getEntity(server, 'secret', OTHER).expect(404);
      const absent = await getEntity(server, 'nope', OTHER).expect(404);
      expect(hidden.body.error.name).toBe('NotFoundError');
      expect(hidden.body.error.message.replace('secret', 'nope')).toBe(
        absent.body.error.message,
      );
      expect(catalog.getEntityByRef).toHaveBeenCalledWith(expect.anything(), {
        credentials: mockCredentials.user(OTHER),
      });
    });

    it('refuses malformed entity references with 400, before the catalog', async () => {
      const server = await start();
      await getEntity(server, 'x'.repeat(64)).expect(400);
      await request(server)
        .get(`${BASE}/entities/component/default/..%2F..%2Fetc/defender`)
        .expect(400);
      expect(catalog.getEntityByRef).not.toHaveBeenCalled();
    });
  });

  describe('GET /connectors', () => {
    it('filters and pages, with the total count', async () => {
      const server = await start();
      await health.refreshAll();
      const all = (
        await request(server).get(`${BASE}/connectors?limit=3`).expect(200)
      ).body as ConnectorListResponse;
      expect(all.totalCount).toBe(7);
      expect(all.items.map(i => i.organization)).toEqual([
        'acme',
        'globex',
        'initech',
      ]);
      const next = (
        await request(server)
          .get(`${BASE}/connectors?limit=3&offset=3`)
          .expect(200)
      ).body;
      expect(next.items.map((i: any) => i.organization)).toEqual([
        'team1',
        'team2',
        'team3',
      ]);
      const unhealthy = (
        await request(server)
          .get(`${BASE}/connectors?status=unhealthy`)
          .expect(200)
      ).body;
      expect(
        unhealthy.items.map((i: any) => [i.organization, i.issueCount]),
      ).toEqual([['initech', 1]]);
      const team = (
        await request(server)
          .get(`${BASE}/connectors?subscriptionId=${TEAM}&text=TEAM`)
          .expect(200)
      ).body;
      expect(team.totalCount).toBe(4);
      expect(team.items[0]).toMatchObject({
        subscriptionName: 'Team',
        status: 'healthy',
      });
      expect(
        (
          await request(server)
            .get(`${BASE}/connectors?organization=acme`)
            .expect(200)
        ).body.totalCount,
      ).toBe(1);
    });

    it('shows each connector’s owner from its backstage-owner tag, filters by it in any spelling, and sorts server-side', async () => {
      const server = await start();
      await health.refreshAll();
      const list = async (q: string) =>
        (await request(server).get(`${BASE}/connectors?${q}`).expect(200))
          .body as ConnectorListResponse;

      const owners = Object.fromEntries(
        (await list('limit=50')).items.map(i => [i.organization, i.owner]),
      );
      // The owner filter's choices: each owner of a connector once.
      expect(
        (await request(server).get(`${BASE}/connectors/owners`).expect(200))
          .body,
      ).toEqual({ items: ['group:default/payments'] });
      expect(owners).toEqual({
        acme: 'group:default/payments',
        globex: undefined,
        initech: undefined,
        team1: 'group:default/payments',
        team2: undefined, // a tag that is no entity ref is no owner
        team3: undefined,
        team4: undefined,
      });
      for (const spelling of [
        'group:default/payments',
        'payments',
        'Group:Default/PAYMENTS',
      ]) {
        const byOwner = await list(`owner=${encodeURIComponent(spelling)}`);
        expect([spelling, byOwner.items.map(i => i.organization)]).toEqual([
          spelling,
          ['acme', 'team1'],
        ]);
      }
      expect(
        (await list('sort=status&order=asc&limit=2')).items.map(
          i => i.organization,
        ),
      ).toEqual(['initech', 'globex']); // unhealthy, then pending
      expect(
        (await list('sort=organization&order=desc&limit=2&offset=1')).items.map(
          i => i.organization,
        ),
      ).toEqual(['team3', 'team2']);
    });

    it('refuses an invalid query with 400', async () => {
      const server = await start();
      for (const q of [
        'limit=0',
        'limit=1000',
        'status=broken',
        'offset=-1',
        'subscriptionId=nope',
        'sort=name',
        'order=sideways',
        'owner=not%20an%20owner',
        'owner=',
        'status=healthy&status=stale',
      ]) {
        const res = await request(server).get(`${BASE}/connectors?${q}`);
        expect([q, res.status]).toEqual([q, 400]);
      }
    });
  });

  it('reads a connector as soon as onboarding announces it, so the card shows it pending at once', async () => {
    const server = await start();
    await health.refreshAll();
    const NEW = connectorIdOf(PROD, 'dockerhub-newco');
    // onboarding created it in Azure after the last scheduled refresh
    t.emu.loadScenario({
      ...healthScenario,
      azure: {
        ...healthScenario.azure,
        connectors: [
          ...healthScenario.azure!.connectors!,
          {
            subscriptionId: PROD,
            resourceGroup: 'rg-connectors',
            name: 'dockerhub-newco',
            organization: 'newco',
            username: 'mdc-team',
            token: TOKENS[2],
            createdAt: new Date().toISOString(),
          },
        ],
      },
      dockerHub: {
        ...healthScenario.dockerHub,
        orgs: [
          ...healthScenario.dockerHub!.orgs!,
          { name: 'newco', members: [{ user: 'mdc-team', role: 'editor' }] },
        ],
      },
    } as typeof healthScenario);
    const newco = async () =>
      (
        await request(server)
          .get(`${BASE}/connectors?organization=newco`)
          .expect(200)
      ).body as ConnectorListResponse;
    expect((await newco()).totalCount).toBe(0);

    await events.publish({
      topic: CONNECTORS_CHANGED_TOPIC,
      eventPayload: { connectorId: NEW },
    });
    for (let i = 0; i < 50 && (await newco()).totalCount === 0; i++) {
      await new Promise(r => setTimeout(r, 100));
    }
    expect((await newco()).items).toEqual([
      expect.objectContaining({ id: NEW, status: 'pending' }),
    ]);
  });

  describe('POST /connectors/:id/refresh', () => {
    it('accepts (202) one refresh per minute per connector, then answers 429 with Retry-After; the entity shows when it landed, and a signal says so', async () => {
      const published: any[] = [];
      const server = await start([
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({
            publish: async (signal: any) => {
              published.push(signal);
            },
          }),
        }),
      ]);
      await health.refreshAll();
      const before = (
        (await getEntity(server, 'platform')).body as EntityDefenderResponse
      ).connectors.find(
        c => isConnectorHealth(c) && c.id === ACME,
      ) as ConnectorHealth;
      const url = `${BASE}/connectors/${encodeURIComponent(ACME)}/refresh`;
      const accepted = await request(server).post(url).expect(202);
      expect(accepted.body).toEqual({
        id: ACME,
        requestedAt: expect.any(String),
      });
      const limited = await request(server).post(url).expect(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(50);
      expect(limited.body.error.name).toBe('TooManyRequestsError');
      // Backstage's error shape, which the frontend's ResponseError.fromResponse reads
      expect(limited.body.response).toEqual({ statusCode: 429 });
      // another connector has its own slot
      await request(server)
        .post(`${BASE}/connectors/${encodeURIComponent(INITECH)}/refresh`)
        .expect(202);

      let refreshed = before;
      // the refresh starts after it was accepted: refreshedAt >= requestedAt once it landed
      for (
        let i = 0;
        i < 50 && refreshed.refreshedAt < accepted.body.requestedAt;
        i++
      ) {
        await new Promise(r => setTimeout(r, 100));
        refreshed = (
          (await getEntity(server, 'platform')).body as EntityDefenderResponse
        ).connectors.find(
          c => isConnectorHealth(c) && c.id === ACME,
        ) as ConnectorHealth;
      }
      expect(refreshed).toMatchObject({
        status: 'healthy',
        refreshedAt: expect.any(String),
      });
      expect(refreshed.refreshedAt >= accepted.body.requestedAt).toBe(true);
      expect(refreshed.staleSince).toBeUndefined();
      // Announced to every browser once the data is in the database, with the id only.
      for (let i = 0; i < 50 && published.length < 2; i++) {
        await new Promise(r => setTimeout(r, 50));
      }
      expect(published).toEqual(
        expect.arrayContaining([
          {
            recipients: { type: 'broadcast' },
            channel: CONNECTOR_SIGNAL_CHANNEL,
            message: {
              type: 'connectorRefreshed',
              connectorId: ACME,
              refreshedAt: expect.any(String),
            },
          },
        ]),
      );
      const acmeSignal = published.find(p => p.message.connectorId === ACME);
      expect(acmeSignal.message.refreshedAt >= refreshed.refreshedAt).toBe(
        true,
      );
    });

    it('needs connector.refresh (403 with read alone), a well-formed id (400) and a known connector (404)', async () => {
      const readOnly = await start([
        allowOnly('defender-for-containers.connector.read').factory,
      ]);
      const res = await request(readOnly)
        .post(`${BASE}/connectors/${encodeURIComponent(ACME)}/refresh`)
        .expect(403);
      expect(res.body.error.message).toContain(
        'defender-for-containers.connector.refresh',
      );

      const server = await start();
      await health.refreshAll();
      await request(server)
        .post(
          `${BASE}/connectors/${encodeURIComponent(
            'https://evil.example/x',
          )}/refresh`,
        )
        .expect(400);
      const calls = azureCalls();
      await request(server)
        .post(
          `${BASE}/connectors/${encodeURIComponent(
            connectorIdOf(PROD, 'dockerhub-nope'),
          )}/refresh`,
        )
        .expect(404);
      await request(server)
        .post(`${BASE}/connectors/${encodeURIComponent(HOOLI)}/refresh`)
        .expect(404);
      expect(azureCalls()).toBe(calls);
    });
  });

  it('starts without defenderForContainers and answers 503 naming the keys to set', async () => {
    const { server } = await startTestBackend({
      features: [
        defenderForContainersPlugin,
        mockServices.rootConfig.factory({ data: {} }),
        catalog.factory,
      ],
    });
    await request(server).get(`${BASE}/health`).expect(200);
    const res = await getEntity(server, 'platform').expect(503);
    expect(res.body.error).toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining(
        'defenderForContainers.azure.subscriptions',
      ),
    });
    expect(res.body.error.message).toContain(
      'defenderForContainers.azure.credential',
    );
    await request(server).get(`${BASE}/connectors`).expect(503);
    await request(server)
      .post(`${BASE}/connectors/${encodeURIComponent(ACME)}/refresh`)
      .expect(503);
  });
});
