import {
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  ACME_CONNECTOR_ID as CONNECTOR_ID,
  ACME_INPUT,
  ACME_SETTINGS,
  READER,
  RG,
  SUB,
  TENANT,
  TOKENS,
  scenario,
} from '../__testUtils__/scenario';
import { sharedActionsEmulator } from '../__testUtils__/sharedActionsEmulator';
import {
  runAction,
  startActionsEmulator,
} from '../__testUtils__/startActionsEmulator';

const base = { ...ACME_INPUT, ...ACME_SETTINGS, system: 'containers' };

describe('defender:dockerhub:onboard against the emulator', () => {
  const t = sharedActionsEmulator();
  const onboard = (patch: Record<string, unknown> = {}, options = {}) =>
    runAction(t.onboard, { ...base, ...patch }, options);
  const acme = () => t.connector(CONNECTOR_ID);

  it('refuses a token that is not one of the task’s secrets, before any call', async () => {
    const before = t.emu.state().requestLog.length;
    // A template passing `accessToken: ${{ parameters.token }}`: the secrets hold something else.
    const r = await onboard({}, { secrets: { other: 'not the token' } });
    expect(r.error).toBeInstanceOf(InputError);
    expect(r.error.message).toContain(
      'accessToken: ${{ secrets.<that parameter',
    );
    expect(r.error.message).not.toContain(TOKENS.read);
    expect(t.emu.state().requestLog.length).toBe(before);
    expect(acme()).toBeUndefined();
  });

  it('creates the connector after a clean pre-flight and outputs what the template links to', async () => {
    const r = await onboard();
    expect(r.error).toBeUndefined();
    expect(r.outputs).toMatchObject({
      connectorId: CONNECTOR_ID,
      connectorName: 'dockerhub-acme',
      subscriptionId: SUB,
      resourceGroup: RG,
      // In the tenant of the configured credential, so it opens in the right directory.
      portalUrl: `https://portal.azure.com/#@${TENANT}/resource${CONNECTOR_ID}`,
      organization: 'acme',
      repositories: { total: 3, private: 2, public: 1 },
      plans: {
        foundationalCspm: true,
        defenderForContainers: true,
        defenderCspm: false,
      },
      offerings: ['CspmMonitorDockerHub', 'DefenderForContainersDockerHub'],
      scanIntervalHours: 12,
      entityRef: 'resource:default/defender-dockerhub-acme',
      operation: 'created',
      configurationChanged: true,
    });
    // Every check passed, resource group access included (read from Microsoft.Authorization).
    expect(r.outputs.warnings).toEqual([]);
    expect(r.check('azure.resourceGroupAccess').status).toBe('pass');
    expect(acme()).toMatchObject({
      tags: {
        'backstage-owner': 'group:default/platform-team',
        'backstage-system': 'containers',
      },
      properties: {
        hierarchyIdentifier: 'acme',
        environmentName: 'DockerHub',
        environmentData: {
          environmentType: 'DockerHubOrganization',
          scanInterval: 12,
        },
      },
      credential: { username: 'mdcuser' },
    });
    expect(t.writes()).toHaveLength(1);
    const [key] = [...r.checkpoints.keys()];
    expect(key).toMatch(
      /^defender\.dockerhub\.connector\.put\.\/subscriptions\/.+\/dockerhub-acme\.[0-9a-f]{16}$/,
    );
    expect(key).not.toContain(TOKENS.read);
  });

  it('re-running with the same inputs changes nothing and fails nothing', async () => {
    await onboard();
    const before = acme();
    const r = await onboard();
    expect(r.error).toBeUndefined();
    expect(r.outputs).toMatchObject({
      operation: 'updated',
      configurationChanged: false,
    });
    const after = acme();
    expect(t.emu.state().connectors).toHaveLength(3); // acme + the scenario's globex and shared
    const { etag: _a, systemData: _b, credential: _c, ...stableAfter } = after;
    const {
      etag: _d,
      systemData: _e,
      credential: _f,
      ...stableBefore
    } = before;
    expect(stableAfter).toEqual(stableBefore);
  });

  it('a retried task finds its checkpoint and does not write again', async () => {
    const checkpoints = new Map<string, unknown>();
    await onboard({}, { checkpoints });
    const r = await onboard({}, { checkpoints });
    expect(r.error).toBeUndefined();
    expect(t.writes()).toHaveLength(1);
  });

  it('updates in place: new plans, interval and token', async () => {
    await onboard();
    const r = await onboard({
      accessToken: TOKENS.read2,
      plans: { defenderForContainers: true, defenderCspm: true },
      scanIntervalHours: 6,
    });
    expect(r.outputs).toMatchObject({
      operation: 'updated',
      configurationChanged: true,
    });
    expect(acme().properties.environmentData.scanInterval).toBe(6);
    expect(
      acme().properties.offerings.map((o: any) => o.offeringType),
    ).toContain('DefenderCspmDockerHub');
    expect(t.emu.state().connectors).toHaveLength(3);
  });

  it('dry run: the whole pre-flight, the exact PUT with the token masked, and no change', async () => {
    const before = t.emu.state().connectors;
    const r = await onboard({}, { isDryRun: true });
    expect(r.error).toBeUndefined();
    expect(r.outputs).toMatchObject({
      operation: 'dry-run',
      connectorId: CONNECTOR_ID,
    });
    expect(r.outputs.checks).toHaveLength(14);
    expect(t.emu.state().connectors).toEqual(before);
    expect(t.writes()).toEqual([]);
    const printed = r.logs.map(l => l.message).join('\n');
    expect(printed).toContain(
      `PUT ${t.emu.urls.arm}${CONNECTOR_ID}?api-version=2024-08-01-preview`,
    );
    expect(printed).toContain('"accessToken": "***"');
    expect(printed).not.toContain(TOKENS.read);
  });

  it.each([
    ['503', { kind: 'status' as const, status: 503 as const }],
    ['connection reset', { kind: 'reset' as const }],
  ])(
    'a PUT that keeps failing (%s) changes nothing; running again converges without a duplicate',
    async (_what, fault) => {
      t.emu.injectFault({
        route: 'PUT securityConnectors',
        times: 4,
        ...fault,
      });
      const failed = await onboard();
      expect(failed.error).toBeInstanceOf(ServiceUnavailableError);
      expect(failed.error.message).toContain('nothing else was changed');
      expect(failed.error.message).toContain('run the task again');
      expect(failed.error.message).not.toMatch(/\n\s+at /);
      expect(failed.error.message).toContain(
        fault.kind === 'status' ? '503' : 'no response',
      );
      expect(failed.error.message).toContain(
        fault.kind === 'status' ? 'x-ms-request-id' : 'x-ms-client-request-id',
      );
      expect(acme()).toBeUndefined();
      const again = await onboard();
      expect(again.error).toBeUndefined();
      expect(again.outputs.operation).toBe('created');
      expect(
        t.emu
          .state()
          .connectors.filter(
            (c: any) => c.properties.hierarchyIdentifier === 'acme',
          ),
      ).toHaveLength(1);
    },
  );

  it('a stale etag on a connector that already holds these settings: written once more against the new version (the token may differ)', async () => {
    await onboard();
    t.emu.injectFault({
      route: 'PUT securityConnectors',
      kind: 'staleEtag',
      times: 1,
    });
    const r = await onboard();
    expect(r.error).toBeUndefined();
    expect(r.outputs.operation).toBe('updated');
    // Azure never shows the token, so equal settings do not prove this run's token is stored.
    expect(t.writes().map(w => w.status)).toEqual([201, 412, 200]);
  });

  it('stops before writing when a check fails', async () => {
    const r = await onboard({ accessToken: TOKENS.publicRead });
    expect(r.error).toBeInstanceOf(InputError);
    expect(r.error.message).toContain(
      'Defender could not see the private repositories',
    );
    expect(t.writes()).toEqual([]);
  });

  it('turns an ARM 403 on the PUT into an error with ARM code, message and request ids', async () => {
    const reader = await startActionsEmulator({
      emulator: t.emu,
      principal: READER,
    });
    // Permissions unreadable (403) leave the pre-flight at "not verifiable", so the PUT decides.
    t.emu.injectFault({
      route: 'GET permissions',
      kind: 'status',
      status: 403,
    });
    const r = await runAction(reader.onboard, base);
    expect(r.check('azure.resourceGroupAccess').status).toBe('warn');
    expect(r.error).toBeInstanceOf(NotAllowedError);
    expect(r.error.message).toMatch(
      /403 AuthorizationFailed: The client '.+' .* does not have authorization/,
    );
    expect(r.error.message).toContain('x-ms-correlation-request-id');
    expect(r.error.message).toContain('Security Admin');
    expect(acme()).toBeUndefined();
  });
  it('announces the written connector so its catalog entity refreshes, but not on a dry run', async () => {
    await onboard({}, { isDryRun: true });
    expect(t.changed).toEqual([]);
    const r = await onboard();
    expect(r.error).toBeUndefined();
    expect(t.changed).toEqual([CONNECTOR_ID]);
  });
});

describe('token rotation heals an unhealthy connector', () => {
  it('expired token → NotHealthy; onboarding again with a new token → Healthy', async () => {
    const start = Date.now();
    const first = await startActionsEmulator({
      seed: 3,
      scenario: scenario({
        expiringAt: new Date(start + 20 * 60_000).toISOString(),
      }),
    });
    const emu = first.emu;
    try {
      expect(
        (
          await runAction(first.onboard, {
            ...base,
            accessToken: TOKENS.expiring,
          })
        ).error,
      ).toBeUndefined();

      // 30 minutes later the token has expired. (Fresh clients: the SDK caches ARM tokens by the real clock.)
      emu.advanceTime(30 * 60_000);
      const later = await startActionsEmulator({ emulator: emu });
      const sick = await later.arm.listHealthReports(CONNECTOR_ID);
      expect(sick.map(h => h.properties?.status?.code)).toContain('NotHealthy');
      expect(JSON.stringify(sick)).toContain('expired');

      const rotated = await runAction(later.onboard, {
        ...base,
        accessToken: TOKENS.read2,
      });
      expect(rotated.error).toBeUndefined();
      expect(rotated.outputs).toMatchObject({
        operation: 'updated',
        configurationChanged: false,
      });

      emu.advanceTime(2 * 60_000);
      const healed = await later.arm.listHealthReports(CONNECTOR_ID);
      expect(healed.map(h => h.properties?.status?.code)).toEqual(['Healthy']);
      expect(
        emu
          .state()
          .connectors.filter(
            (c: any) => c.properties.hierarchyIdentifier === 'acme',
          ),
      ).toHaveLength(1);
    } finally {
      await emu.stop();
    }
  });
});
