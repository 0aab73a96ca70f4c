import { NotAllowedError } from '@backstage/errors';
import {
  ADMIN,
  READER,
  RG,
  SUB,
  SUB_B,
  registerDefenderTestEmulatorHooks,
  startDefenderTestEmulator,
} from '../testUtils';
import { ArmError } from './ArmError';
import { buildDockerHubConnectorBody } from './buildDockerHubConnectorBody';
import { formatSecurityConnectorId } from './securityConnectorId';

const TOKEN = 'dckr_pat_connectorTokenNeverEchoed00001';
const idOf = (name: string, sub = SUB) =>
  formatSecurityConnectorId({ subscriptionId: sub, resourceGroup: RG, name });
const bodyFor = (organization: string, scanIntervalHours = 24) =>
  buildDockerHubConnectorBody({
    organization,
    username: 'mdcuser',
    accessToken: TOKEN,
    location: 'westeurope',
    scanIntervalHours,
    plans: { defenderForContainers: true, defenderCspm: false },
    tags: { 'backstage-owner': 'group:default/team-a' },
  });

describe('SecurityCenterArmClient against the emulator (real SDK pipeline over HTTPS)', () => {
  // The emulator echoes the stored token, as the spec allows: "never comes back" below is then
  // the client's doing (stripConnectorSecrets), not the emulator's.
  const t = registerDefenderTestEmulatorHooks({ echoAccessToken: true });
  const log = () => t.emu.state().requestLog;

  it('creates, reads, replaces, lists (across pages) and deletes a Docker Hub connector; the token never comes back', async () => {
    expect(t.emu.state().echoAccessToken).toBe(true);
    const created = await t.arm.putSecurityConnector(
      idOf('dockerhub-acme'),
      bodyFor('acme'),
    );
    expect(created.created).toBe(true);
    expect(created.connector.properties?.environmentName).toBe('DockerHub');

    const again = await t.arm.putSecurityConnector(
      idOf('dockerhub-acme'),
      bodyFor('acme', 6),
    );
    expect(again.created).toBe(false);

    const read = await t.arm.getSecurityConnector(idOf('dockerhub-acme'));
    expect(read).toMatchObject({
      name: 'dockerhub-acme',
      location: 'westeurope',
      tags: { 'backstage-owner': 'group:default/team-a' },
      properties: {
        hierarchyIdentifier: 'acme',
        environmentData: {
          scanInterval: 6,
          authentication: { username: 'mdcuser' },
        },
      },
    });
    expect(JSON.stringify([created, again, read])).not.toContain(TOKEN);

    // pageSize 2 in the scenario: 5 connectors take 3 pages.
    for (const org of ['o1', 'o2', 'o3', 'o4']) {
      await t.arm.putSecurityConnector(idOf(`dockerhub-${org}`), bodyFor(org));
    }
    const all = await t.arm.listSecurityConnectors(SUB);
    expect(all.map(c => c.name).sort()).toEqual([
      'dockerhub-acme',
      'dockerhub-o1',
      'dockerhub-o2',
      'dockerhub-o3',
      'dockerhub-o4',
    ]);
    expect(
      log().filter(
        e => e.method === 'GET' && /securityConnectors$/i.test(e.path),
      ),
    ).toHaveLength(3);
    expect(JSON.stringify(all)).not.toContain(TOKEN);

    expect(await t.arm.deleteSecurityConnector(idOf('dockerhub-acme'))).toEqual(
      { deleted: true },
    );
    expect(await t.arm.deleteSecurityConnector(idOf('dockerhub-acme'))).toEqual(
      { deleted: false },
    );
    expect(
      await t.arm.getSecurityConnector(idOf('dockerhub-acme')),
    ).toBeUndefined();
  });

  it('lists health reports at connector scope once Defender has evaluated the connector', async () => {
    await t.arm.putSecurityConnector(idOf('dockerhub-acme'), bodyFor('acme'));
    // Within the ARM token lifetime: the SDK caches tokens by the real clock.
    t.emu.advanceTime(2 * 60 * 1000);
    const reports = await t.arm.listHealthReports(idOf('dockerhub-acme'));
    expect(reports.length).toBeGreaterThan(0);
    expect(reports[0].properties?.status?.code).toMatch(
      /Healthy|NotHealthy|NotApplicable/,
    );
  });

  it('reads plans and provider registration', async () => {
    await expect(t.arm.getPricing(SUB, 'Containers')).resolves.toMatchObject({
      pricingTier: 'Standard',
    });
    await expect(t.arm.getPricing(SUB, 'CloudPosture')).resolves.toMatchObject({
      pricingTier: 'Free',
    });
    await expect(t.arm.getProviderRegistrationState(SUB)).resolves.toBe(
      'Registered',
    );
    await expect(t.arm.getProviderRegistrationState(SUB_B)).resolves.toBe(
      'NotRegistered',
    );
  });

  it('honours Retry-After on 429 and retries 503 and connection resets, without duplicates', async () => {
    t.emu.injectFault({
      route: 'GET securityConnectors',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
    });
    await expect(t.arm.listSecurityConnectors(SUB)).resolves.toEqual([]);
    const connectorCalls = () =>
      log()
        .filter(e => /securityConnectors/i.test(e.path))
        .map(e => `${e.method} ${e.status}`);
    expect(connectorCalls()).toEqual(['GET 429', 'GET 200']);

    t.emu.injectFault({
      route: 'PUT securityConnectors',
      kind: 'reset',
      times: 1,
    });
    await t.arm.putSecurityConnector(idOf('dockerhub-acme'), bodyFor('acme'));
    t.emu.injectFault({
      route: 'PUT securityConnectors',
      kind: 'status',
      status: 503,
      times: 1,
    });
    await t.arm.putSecurityConnector(idOf('dockerhub-acme'), bodyFor('acme'));
    expect(connectorCalls().slice(2)).toEqual([
      'PUT 0',
      'PUT 201',
      'PUT 503',
      'PUT 200',
    ]);
    expect(t.emu.state().connectors).toHaveLength(1);
  });

  it('throws ArmError with status, ARM code and message and the three request ids, never the body or token', async () => {
    const reader = await startDefenderTestEmulator({ principal: READER });
    try {
      const error = await reader.arm
        .putSecurityConnector(idOf('dockerhub-acme'), bodyFor('acme'))
        .catch(e => e);
      expect(error).toBeInstanceOf(ArmError);
      expect(error).toMatchObject({ status: 403, code: 'AuthorizationFailed' });
      expect(error.requestId).toEqual(expect.any(String));
      expect(error.correlationRequestId).toEqual(expect.any(String));
      expect(error.clientRequestId).toEqual(expect.any(String));
      expect(error.message).toContain('x-ms-request-id');
      expect(error.message).toContain('AuthorizationFailed');
      expect(
        JSON.stringify({ ...error, message: error.message }),
      ).not.toContain(TOKEN);
      expect(error.message).not.toContain('hierarchyIdentifier');
    } finally {
      await reader.emu.stop();
    }
  });

  it('scrubs the token from an ARM error that quotes the PUT it refuses', async () => {
    t.emu.injectFault({
      route: 'PUT securityConnectors',
      kind: 'status',
      status: 409,
      quoteRequestBody: true,
      times: 1,
    });
    const error = await t.arm
      .putSecurityConnector(idOf('dockerhub-acme'), bodyFor('acme'))
      .catch(e => e);
    expect(error).toBeInstanceOf(ArmError);
    expect(error.code).toBe('InvalidRequestContent');
    // the quote is there (the emulator did quote it), the token is not
    expect(error.message).toContain('"hierarchyIdentifier":"acme"');
    expect(error.message).toContain('"accessToken":"***"');
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(
      TOKEN,
    );
  });

  it('reports a wrong client secret as a sign-in ArmError without the secret', async () => {
    const bad = await startDefenderTestEmulator({
      principal: { ...ADMIN, clientSecret: 'wrong-secret' },
    });
    try {
      const error = await bad.arm.verifyCredential().catch(e => e);
      expect(error).toBeInstanceOf(ArmError);
      expect(error.message).toContain('sign-in');
      expect(error.message).not.toContain('wrong-secret');
    } finally {
      await bad.emu.stop();
    }
  });

  it('refuses to write outside the configured subscriptions, before any request', async () => {
    const other = formatSecurityConnectorId({
      subscriptionId: '00000000-0000-0000-0000-000000000099',
      resourceGroup: RG,
      name: 'x',
    });
    const before = log().length;
    await expect(
      t.arm.putSecurityConnector(other, bodyFor('acme')),
    ).rejects.toThrow(NotAllowedError);
    await expect(t.arm.deleteSecurityConnector(other)).rejects.toThrow(
      NotAllowedError,
    );
    expect(log()).toHaveLength(before);
  });

  it('previews the PUT with the token masked', () => {
    const preview = t.arm.previewPutSecurityConnector(
      idOf('dockerhub-acme'),
      bodyFor('acme'),
    );
    expect(preview.url).toBe(
      `${t.emu.urls.arm}${idOf(
        'dockerhub-acme',
      )}?api-version=2024-08-01-preview`,
    );
    expect(JSON.stringify(preview)).not.toContain(TOKEN);
    expect(JSON.stringify(preview)).toContain('"accessToken":"***"');
  });
});
