import { ConflictError } from '@backstage/errors';
import {
  buildDockerHubConnectorBody,
  type SecurityCenterArmClient,
} from '@defender-backstage/plugin-defender-for-containers-node';
import {
  ACME_CONNECTOR_ID as CONNECTOR_ID,
  ACME_INPUT,
  ACME_SETTINGS,
  RG,
  SUB_B,
  TOKENS,
} from '../__testUtils__/scenario';
import { sharedActionsEmulator } from '../__testUtils__/sharedActionsEmulator';
import {
  runAction,
  startActionsEmulator,
} from '../__testUtils__/startActionsEmulator';

const base = { ...ACME_INPUT, ...ACME_SETTINGS };
/** What `base` asks for, as someone else's client would write it. */
const settings = {
  organization: 'acme',
  username: 'mdcuser',
  accessToken: TOKENS.read,
  location: 'westeurope',
  scanIntervalHours: 12,
  plans: { defenderForContainers: true, defenderCspm: false },
  tags: { 'backstage-owner': 'group:default/platform-team' },
};

/**
 * Concurrency of the one write: "someone else" writes through a second, independent client
 * after the pre-flight has read the connector and right before this run's PUT reaches Azure.
 */
describe('defender:dockerhub:onboard when the connector changes between pre-flight and PUT', () => {
  const t = sharedActionsEmulator();
  let someoneElse: SecurityCenterArmClient;
  beforeAll(async () => {
    someoneElse = (await startActionsEmulator({ emulator: t.emu })).arm;
  });
  afterEach(() => jest.restoreAllMocks());

  /** Runs `meanwhile` once, just before the action's PUT is sent. */
  function beforeOurPut(meanwhile: () => Promise<unknown>) {
    const put = t.arm.putSecurityConnector.bind(t.arm);
    jest
      .spyOn(t.arm, 'putSecurityConnector')
      .mockImplementationOnce(async (...args) => {
        await meanwhile();
        return put(...args);
      });
  }
  const writeAs =
    (change: Partial<typeof settings>, id = CONNECTOR_ID) =>
    () =>
      someoneElse.putSecurityConnector(
        id,
        buildDockerHubConnectorBody({ ...settings, ...change }),
      );
  const acme = () => t.connector(CONNECTOR_ID);
  const puts = () =>
    t.emu
      .state()
      .requestLog.filter(e => e.method === 'PUT')
      .map(e => e.status);

  it('creates with If-None-Match: * and replaces with If-Match', async () => {
    const spy = jest.spyOn(t.arm, 'putSecurityConnector');
    await runAction(t.onboard, base);
    await runAction(t.onboard, { ...base, scanIntervalHours: 6 });
    expect(spy.mock.calls[0][2]).toMatchObject({ ifNoneMatch: '*' });
    expect(spy.mock.calls[0][2]).not.toHaveProperty('ifMatch');
    expect(spy.mock.calls[1][2]).toMatchObject({
      ifMatch: expect.any(String),
    });
    expect(puts()).toEqual([201, 200]);
  });

  it('create racing a create with other settings: 412, nothing overwritten, the conflict names what differs', async () => {
    beforeOurPut(
      writeAs({
        scanIntervalHours: 6,
        username: 'someone-else',
        plans: { defenderForContainers: false, defenderCspm: true },
        tags: { 'backstage-owner': 'group:default/other-team' },
      }),
    );
    const r = await runAction(t.onboard, base);
    expect(r.error).toBeInstanceOf(ConflictError);
    const message: string = r.error.message;
    expect(message).toContain('changed by someone else');
    expect(message).toContain('Nothing was overwritten');
    expect(message).toContain('412 PreconditionFailed');
    expect(message).toContain('x-ms-request-id');
    expect(message).toContain(
      'scan interval: Azure holds 6 h, this run wanted 12 h',
    );
    expect(message).toContain(
      "user: Azure holds 'someone-else', this run wanted 'mdcuser'",
    );
    expect(message).toContain(
      'plans: Azure holds Foundational CSPM + Defender CSPM, this run wanted Foundational CSPM + Defender for Containers',
    );
    expect(message).toContain(
      "tag backstage-owner: Azure holds 'group:default/other-team', this run wanted 'group:default/platform-team'",
    );
    expect(message).not.toContain('location:');
    expect(message).toMatch(/last modified by \S+/);
    expect(message).toContain('run the task again to apply your settings');
    expect(message).not.toContain(TOKENS.read);
    // Someone else's connector is untouched.
    expect(acme().properties.environmentData.scanInterval).toBe(6);
    expect(acme().credential.username).toBe('someone-else');
    expect(puts()).toEqual([201, 412]);
    expect(t.changed).toEqual([]);
  });

  it('create racing a create with the same settings (e.g. our own retried PUT): success, reported as created', async () => {
    beforeOurPut(writeAs({}));
    const r = await runAction(t.onboard, base);
    expect(r.error).toBeUndefined();
    expect(r.outputs).toMatchObject({
      operation: 'created',
      connectorId: CONNECTOR_ID,
    });
    expect(r.logs.map(l => l.message).join('\n')).toContain(
      'already holds exactly these settings',
    );
    expect(puts()).toEqual([201, 412]);
  });

  it('update racing an update with other settings: 412 and a conflict, the other change stays', async () => {
    await runAction(t.onboard, base);
    beforeOurPut(writeAs({ scanIntervalHours: 3, location: 'westeurope' }));
    const r = await runAction(t.onboard, {
      ...base,
      accessToken: TOKENS.read2,
    });
    expect(r.error).toBeInstanceOf(ConflictError);
    expect(r.error.message).toContain(
      'scan interval: Azure holds 3 h, this run wanted 12 h',
    );
    expect(acme().properties.environmentData.scanInterval).toBe(3);
    expect(puts()).toEqual([201, 200, 412]);
  });

  it('update racing an update that landed the same settings: written once more against that version, reported as updated', async () => {
    await runAction(t.onboard, base);
    beforeOurPut(writeAs({ scanIntervalHours: 6 }));
    const r = await runAction(t.onboard, { ...base, scanIntervalHours: 6 });
    expect(r.error).toBeUndefined();
    expect(r.outputs.operation).toBe('updated');
    // Azure cannot show the token, so the run does not assume the other write carried its own.
    expect(puts()).toEqual([201, 200, 412, 200]);
  });

  it('a token rotation whose PUT meets a stale etag still stores the new token (the settings alone match)', async () => {
    await runAction(t.onboard, base);
    const before = acme().credential.updatedAt;
    t.emu.injectFault({
      route: 'PUT securityConnectors',
      kind: 'staleEtag',
      times: 1,
    });
    const r = await runAction(t.onboard, {
      ...base,
      accessToken: TOKENS.read2,
    });
    expect(r.error).toBeUndefined();
    expect(r.outputs.operation).toBe('updated');
    expect(puts()).toEqual([201, 412, 200]);
    expect(acme().credential.updatedAt).not.toBe(before);
  });

  it('a second change between the 412 and the write against the new version is a conflict', async () => {
    await runAction(t.onboard, base);
    t.emu.injectFault({
      route: 'PUT securityConnectors',
      kind: 'staleEtag',
      times: 2,
    });
    const r = await runAction(t.onboard, {
      ...base,
      accessToken: TOKENS.read2,
    });
    expect(r.error).toBeInstanceOf(ConflictError);
    expect(r.error.message).toContain('changed by someone else');
    expect(r.error.message).toContain("this run's access token was not stored");
    expect(puts()).toEqual([201, 412, 412]);
  });

  it('a stale etag (staleEtag fault) with this run wanting other settings than Azure holds is a conflict, not an overwrite', async () => {
    await runAction(t.onboard, base);
    t.emu.injectFault({
      route: 'PUT securityConnectors',
      kind: 'staleEtag',
      times: 1,
    });
    const r = await runAction(t.onboard, { ...base, scanIntervalHours: 3 });
    expect(r.error).toBeInstanceOf(ConflictError);
    expect(r.error.message).toContain(
      'scan interval: Azure holds 12 h, this run wanted 3 h',
    );
    expect(acme().properties.environmentData.scanInterval).toBe(12);
  });

  it('the connector deleted meanwhile: a conflict saying so, nothing recreated', async () => {
    await runAction(t.onboard, base);
    beforeOurPut(() => someoneElse.deleteSecurityConnector(CONNECTOR_ID));
    const r = await runAction(t.onboard, { ...base, scanIntervalHours: 6 });
    expect(r.error).toBeInstanceOf(ConflictError);
    expect(r.error.message).toContain('deleted meanwhile');
    expect(acme()).toBeUndefined();
  });

  it('a resource lock (409 ScopeLocked) says to remove the lock, not to retry or offboard', async () => {
    t.emu.injectFault({
      route: 'PUT securityConnectors',
      kind: 'status',
      status: 409,
      times: 1,
    });
    const r = await runAction(t.onboard, base);
    expect(r.error).toBeInstanceOf(ConflictError);
    expect(r.error.message).toContain('409 ScopeLocked');
    expect(r.error.message).toContain('remove the lock');
    expect(r.error.message).toContain('x-ms-request-id');
    expect(r.error.message).not.toContain('already connected');
    expect(r.error.message).not.toContain('in a minute');
    expect(acme()).toBeUndefined();
  });

  it('another connector connecting the organization meanwhile: 409 naming that connector', async () => {
    const otherId = `/subscriptions/${SUB_B}/resourceGroups/${RG}/providers/Microsoft.Security/securityConnectors/acme-elsewhere`;
    beforeOurPut(writeAs({}, otherId));
    const r = await runAction(t.onboard, base);
    expect(r.error).toBeInstanceOf(ConflictError);
    expect(r.error.message).toContain('409 Conflict');
    expect(r.error.message).toContain(
      `Docker Hub organization acme is already connected by another connector: ${otherId} (connector acme-elsewhere in resource group ${RG} of subscription ${SUB_B})`,
    );
    expect(r.error.message).toContain('offboard that connector first');
    expect(r.error.message).not.toContain('in a minute');
    expect(acme()).toBeUndefined();
  });
});
