import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';
import {
  ACME,
  GLOBEX,
  INITECH,
  PROD,
  TEAM,
  TEAM_ORGS,
  TOKENS,
  UNREGISTERED,
  connectorIdOf,
  connectorListingForbidden,
} from '../__testUtils__/healthTestWorld';
import { useHealthEmulator } from '../__testUtils__/useHealthEmulator';
import { testRefresher } from '../__testUtils__/testRefresher';
import { KnexHealthStore } from '../store/KnexHealthStore';
import type { ConnectorTransition } from './ConnectorTransition';

jest.setTimeout(60_000);

const TEAM4 = connectorIdOf(TEAM, 'dockerhub-team4');

describe('HealthRefresher against the emulator (real ARM pipeline over HTTPS, SQLite)', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const t = useHealthEmulator();
  let knex: Knex;
  let store: KnexHealthStore;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  let published: ConnectorTransition[];
  let clock: Date | undefined;

  const refresher = (health: JsonObject = {}) =>
    testRefresher({
      emulator: t,
      store,
      // small Resource Graph pages, so the findings are read over several pages
      health: { findings: { pageSize: 3 }, ...health },
      logger,
      publish: transitions => published.push(...transitions),
      now: () => clock ?? new Date(),
    });
  const byOrg = async () =>
    Object.fromEntries(
      (
        await store.getConnectors({
          organizations: ['acme', 'initech', 'globex', 'hooli', ...TEAM_ORGS],
        })
      ).map(c => [c.organization, c]),
    );
  const log = () => t.emu.state().requestLog;

  beforeEach(async () => {
    knex = await databases.init('SQLITE_3');
    store = await KnexHealthStore.create({ getClient: async () => knex });
    logger = mockServices.logger.mock();
    published = [];
    clock = undefined;
  });

  it('reads every allowed subscription, across pages, into healthy, unhealthy and pending', async () => {
    const summary = await refresher().refreshAll();
    expect(summary.subscriptions).toEqual([
      { subscriptionId: PROD, ok: true, connectors: 3 },
      { subscriptionId: TEAM, ok: true, connectors: 4 },
    ]);
    const c = await byOrg();
    expect(Object.keys(c).sort()).toEqual([
      'acme',
      'globex',
      'initech',
      ...TEAM_ORGS,
    ]);
    expect(c.acme).toMatchObject({
      id: ACME,
      reportedStatus: 'healthy',
      scanIntervalHours: 12,
      plans: { defenderForContainers: 'on', defenderCspm: 'off' },
      offerings: ['CspmMonitorDockerHub', 'DefenderForContainersDockerHub'],
      totals: { critical: 3, high: 3, medium: 4, low: 1 },
      lastScannedAt: expect.any(String),
    });
    expect(c.acme.findings.images.map(i => [i.image, i.counts])).toEqual([
      ['acme/payments-api:1.0.0', { critical: 2, high: 1, medium: 3, low: 1 }],
      ['acme/payments-api:1.1.0', { critical: 0, high: 2, medium: 0, low: 0 }],
      ['acme/web:latest', { critical: 1, high: 0, medium: 1, low: 0 }],
    ]);
    expect(c.acme.findings.worst.map(w => w.severity)).toEqual([
      'Critical',
      'Critical',
      'Critical',
      'High',
      'High',
      'High',
    ]);
    expect(c.acme.findings.worst[0]).toEqual({
      title: expect.stringMatching(/: CVE-/),
      severity: 'Critical',
      cves: [expect.stringMatching(/^CVE-/)],
      fixedVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      images: [expect.stringMatching(/^acme\//)],
    });
    expect(c.initech).toMatchObject({
      reportedStatus: 'unhealthy',
      healthReason: 'Docker Hub access token was revoked',
      issues: [
        {
          key: expect.any(String),
          title: 'Docker Hub access token was revoked',
          description: expect.stringContaining('mdc-initech'),
          remediation: expect.stringContaining('Read-only'),
        },
      ],
    });
    expect(c.globex).toMatchObject({ reportedStatus: 'pending', issues: [] });
    expect(c.team1.plans).toEqual({
      defenderForContainers: 'off',
      defenderCspm: 'on',
    });

    // One health report list per subscription (paged), never one per connector.
    const health = log().filter(e => /healthReports/i.test(e.path));
    expect(health.map(e => e.path).sort()).toEqual([
      `/subscriptions/${PROD}/providers/Microsoft.Security/healthReports`,
      // TEAM's four reports take two pages of 2
      `/subscriptions/${TEAM}/providers/Microsoft.Security/healthReports`,
      `/subscriptions/${TEAM}/providers/Microsoft.Security/healthReports`,
    ]);
    expect(
      log().filter(e => /securityConnectors\/[^/]+\/providers/i.test(e.path)),
    ).toEqual([]);
    // Two Resource Graph queries per subscription, over several pages of 3 rows.
    expect(
      log().filter(e => e.path.includes('ResourceGraph')).length,
    ).toBeGreaterThan(4);
    expect(log().every(e => e.status === 200)).toBe(true);
  });

  it('reads a subscription without Microsoft.Security registered as one without connectors, not as a failure', async () => {
    const r = testRefresher({
      emulator: t,
      store,
      subscriptions: [
        {
          id: UNREGISTERED,
          displayName: 'New team',
          resourceGroups: [],
          defaults: {},
        },
      ],
      logger,
    });
    expect((await r.refreshAll()).subscriptions).toEqual([
      { subscriptionId: UNREGISTERED, ok: true, connectors: 0 },
    ]);
    expect((await store.getSubscriptionStates())[0]).toMatchObject({
      subscriptionId: UNREGISTERED,
      lastSuccessAt: expect.any(String),
    });
  });

  it('never stores or logs a token, although ARM echoes it', async () => {
    await refresher().refreshAll();
    const dump = JSON.stringify(
      await Promise.all(
        [
          'defender_connectors',
          'defender_subscription_refreshes',
          'defender_connector_history',
        ].map(table => knex(table).select()),
      ),
    );
    expect(dump).toContain('acme');
    for (const token of TOKENS) expect(dump).not.toContain(token);
    expect(dump).not.toMatch(/authentication|accessToken|mdc-acme/);
    const logged = JSON.stringify(
      ['debug', 'info', 'warn', 'error'].map(
        l => (logger as any)[l].mock.calls,
      ),
    );
    for (const token of TOKENS) expect(logged).not.toContain(token);
  });

  it('logs the resourceDetails.Source values it sees, and builds the findings query from config', async () => {
    await refresher().refreshAll();
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        'resourceDetails.Source values seen ["DockerHub"]',
      ),
    );
    // A changed filter is sent as configured; the strict emulator refuses that shape.
    const custom = await refresher({
      findings: {
        filter: 'tostring(properties.resourceDetails.Source) =~ "DockerHub"',
      },
    }).refreshAll();
    expect(custom.subscriptions.every(s => !s.ok)).toBe(true);
    expect(custom.subscriptions[0].error).toContain('400 BadRequest');
  });

  it('turns pending into healthy once Defender reports, and announces the change', async () => {
    const r = refresher();
    await r.refreshAll();
    published = [];
    t.emu.advanceTime(2 * 60 * 1000);
    await r.refreshAll();
    expect((await byOrg()).globex.reportedStatus).toBe('healthy');
    expect(published).toEqual([
      expect.objectContaining({
        connectorId: GLOBEX,
        from: 'pending',
        to: 'healthy',
        criticalDelta: 0,
      }),
    ]);
  });

  it('keeps a failing subscription’s last good data as stale since its first failure, reads the others, and recovers', async () => {
    const r = refresher();
    await r.refreshAll();
    const before = await byOrg();
    published = [];
    t.emu.injectFault(connectorListingForbidden(TEAM));
    const failed = await r.refreshAll();
    expect(failed.subscriptions.map(s => [s.subscriptionId, s.ok])).toEqual([
      [PROD, true],
      [TEAM, false],
    ]);
    const stale = await byOrg();
    expect(stale.team1).toMatchObject({
      reportedStatus: 'healthy',
      refreshedAt: before.team1.refreshedAt,
      findings: before.team1.findings,
      failingSince: expect.any(String),
      lastError: expect.stringMatching(
        /403 AuthorizationFailed.*x-ms-request-id/,
      ),
    });
    expect(stale.acme.failingSince).toBeUndefined();
    expect(published.map(p => [p.organization, p.from, p.to])).toEqual(
      TEAM_ORGS.map(o => [o, 'healthy', 'stale']),
    );

    await r.refreshAll();
    expect((await byOrg()).team1.failingSince).toBe(stale.team1.failingSince);

    t.emu.clearFaults();
    published = [];
    await r.refreshAll();
    const healed = await byOrg();
    expect(healed.team1.failingSince).toBeUndefined();
    expect(healed.team1.refreshedAt > before.team1.refreshedAt).toBe(true);
    expect(published.map(p => [p.organization, p.from, p.to])).toEqual(
      TEAM_ORGS.map(o => [o, 'stale', 'healthy']),
    );
  });

  it('leaves the previous snapshot whole when a refresh is cut short after the connector list', async () => {
    const r = refresher();
    await r.refreshAll();
    await t.arm.deleteSecurityConnector(TEAM4);
    t.emu.injectFault({ route: 'resourceGraph', kind: 'status', status: 403 });
    await r.refreshAll();
    const kept = await byOrg();
    expect(kept.team4).toMatchObject({
      id: TEAM4,
      failingSince: expect.any(String),
    });
    expect(kept.acme.findings.images).toHaveLength(3);

    t.emu.clearFaults();
    published = [];
    await r.refreshAll();
    expect((await byOrg()).team4).toBeUndefined();
    expect(published).toContainEqual(
      expect.objectContaining({
        connectorId: TEAM4,
        from: 'stale',
        to: 'missing',
      }),
    );
  });

  it('stops at its timeout without marking what it did not finish as stale', async () => {
    const r = refresher();
    await r.refreshAll();
    t.emu.injectFault({
      route: 'GET securityConnectors',
      kind: 'latency',
      latencyMs: 3_000,
    });
    const timeout = new AbortController();
    setTimeout(() => timeout.abort(), 300);
    const summary = await r.refreshAll(timeout.signal);
    expect(summary.subscriptions.map(s => s.error)).toEqual([
      'stopped at the timeout',
      'stopped at the timeout',
    ]);
    const after = await byOrg();
    expect(Object.values(after).filter(c => c.failingSince)).toEqual([]);
    expect(published).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ to: 'stale' })]),
    );
  });

  it('waits out 429 Retry-After and finishes the refresh', async () => {
    t.emu.injectFault({
      route: 'GET healthReports',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
    });
    const started = Date.now();
    const summary = await refresher().refreshAll();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(summary.subscriptions.every(s => s.ok)).toBe(true);
    const statuses = log()
      .filter(e => /healthReports/i.test(e.path))
      .map(e => e.status);
    expect(statuses[0]).toBe(429);
    expect(statuses.slice(1).every(s => s === 200)).toBe(true);
    expect((await byOrg()).acme.reportedStatus).toBe('healthy');
  });

  it('keeps one trend point per day for historyDays and prunes older ones', async () => {
    const r = refresher({ historyDays: 2 });
    for (const day of [
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
    ]) {
      clock = new Date(`${day}T06:00:00.000Z`);
      await r.refreshAll();
    }
    const whole = (await store.getTrend([ACME], '2000-01-01')).filter(
      row => row.repository === '*',
    );
    expect(
      whole.map(row => [row.date, row.status, row.counts.critical]),
    ).toEqual([
      ['2026-03-02', 'healthy', 3],
      ['2026-03-03', 'healthy', 3],
      ['2026-03-04', 'healthy', 3],
    ]);
  });

  it('refreshes one connector on demand with connector-scope calls, and drops a deleted one', async () => {
    const r = refresher();
    await r.refreshAll();
    const before = (await byOrg()).initech;
    const mark = log().length;
    clock = new Date(Date.now() + 5_000);
    expect(await r.refreshConnector(INITECH)).toEqual({
      ok: true,
      transitions: [],
    });
    const calls = log()
      .slice(mark)
      .map(e => `${e.method} ${e.path}`);
    expect(calls).toEqual(
      expect.arrayContaining([
        `GET ${INITECH}`,
        `GET ${INITECH}/providers/Microsoft.Security/healthReports`,
        'POST /providers/Microsoft.ResourceGraph/resources',
      ]),
    );
    expect(calls.some(c => c.endsWith('/securityConnectors'))).toBe(false);
    const after = (await byOrg()).initech;
    expect(after.refreshedAt > before.refreshedAt).toBe(true);
    expect(after.reportedStatus).toBe('unhealthy');

    await t.arm.deleteSecurityConnector(INITECH);
    const gone = await r.refreshConnector(INITECH);
    expect(gone.transitions).toEqual([
      expect.objectContaining({ connectorId: INITECH, to: 'missing' }),
    ]);
    expect((await byOrg()).initech).toBeUndefined();
  });
});
