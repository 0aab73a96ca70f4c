import { RG, SUB, registerDefenderTestEmulatorHooks } from '../testUtils';
import { ArmError } from './ArmError';
import { buildDockerHubConnectorBody } from './buildDockerHubConnectorBody';
import { formatSecurityConnectorId } from './securityConnectorId';

const ID = formatSecurityConnectorId({
  subscriptionId: SUB,
  resourceGroup: RG,
  name: 'dockerhub-acme',
});
const body = (scanIntervalHours: number) =>
  buildDockerHubConnectorBody({
    organization: 'acme',
    username: 'mdcuser',
    accessToken: 'dckr_pat_concurrencyTestToken000000001',
    location: 'westeurope',
    scanIntervalHours,
    plans: { defenderForContainers: true, defenderCspm: false },
  });

describe('SecurityCenterArmClient: ARM preconditions and not-found semantics (emulator)', () => {
  const t = registerDefenderTestEmulatorHooks();
  const stored = () =>
    t.emu
      .state()
      .connectors.find((c: any) => c.id.toLowerCase() === ID.toLowerCase())
      ?.properties as any;

  it('If-None-Match: * creates once; a second create fails 412 and leaves the first one as it was', async () => {
    const first = await t.arm.putSecurityConnector(ID, body(6), {
      ifNoneMatch: '*',
    });
    expect(first.created).toBe(true);
    const error = await t.arm
      .putSecurityConnector(ID, body(12), { ifNoneMatch: '*' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ArmError);
    expect(error).toMatchObject({ status: 412, code: 'PreconditionFailed' });
    expect(error.requestId).toEqual(expect.any(String));
    expect(stored().environmentData.scanInterval).toBe(6);
  });

  it('If-Match replaces only the version that was read', async () => {
    const { connector } = await t.arm.putSecurityConnector(ID, body(6));
    // Someone else replaces it: the etag read above is now stale.
    await t.arm.putSecurityConnector(ID, body(3));
    const error = await t.arm
      .putSecurityConnector(ID, body(12), { ifMatch: connector.etag })
      .catch(e => e);
    expect(error).toMatchObject({ status: 412, code: 'PreconditionFailed' });
    expect(stored().environmentData.scanInterval).toBe(3);

    const current = await t.arm.getSecurityConnector(ID);
    const replaced = await t.arm.putSecurityConnector(ID, body(12), {
      ifMatch: current!.etag,
    });
    expect(replaced.created).toBe(false);
    expect(stored().environmentData.scanInterval).toBe(12);
  });

  it('DELETE answered 404 ResourceNotFound (gone meanwhile) is "already gone"', async () => {
    await t.arm.putSecurityConnector(ID, body(6));
    t.emu.injectFault({
      route: 'DELETE securityConnectors',
      kind: 'status',
      status: 404,
      times: 1,
    });
    await expect(t.arm.deleteSecurityConnector(ID)).resolves.toEqual({
      deleted: false,
    });
  });

  it('DELETE and GET: an absent connector is "not there", an absent resource group is an error', async () => {
    await expect(t.arm.deleteSecurityConnector(ID)).resolves.toEqual({
      deleted: false,
    });
    await expect(t.arm.getSecurityConnector(ID)).resolves.toBeUndefined();

    const inMissingGroup = formatSecurityConnectorId({
      subscriptionId: SUB,
      resourceGroup: 'rg-does-not-exist',
      name: 'dockerhub-acme',
    });
    for (const call of [
      () => t.arm.deleteSecurityConnector(inMissingGroup),
      () => t.arm.getSecurityConnector(inMissingGroup),
    ]) {
      const error = await call().catch(e => e);
      expect(error).toBeInstanceOf(ArmError);
      expect(error).toMatchObject({
        status: 404,
        code: 'ResourceGroupNotFound',
      });
      expect(error.message).toContain('x-ms-request-id');
    }
  });
});
