import {
  DOCKER_HUB_CONNECTORS_QUERY,
  SUB,
  defenderTestConfig,
  registerDefenderTestEmulatorHooks,
} from '../testUtils';
import { ConfigReader } from '@backstage/config';
import { readDefenderConfig } from '../config/readDefenderConfig';
import { createDefenderTlsTrust } from '../config/createDefenderTlsTrust';
import { ArmError } from './ArmError';
import { createAzureCredential } from './createAzureCredential';
import { SecurityCenterArmClient } from './SecurityCenterArmClient';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Resource Graph goes through @azure/arm-resourcegraph; these check what it must still do as the
// rest of the client does: ArmError with request ids, and the configured api-version on the wire.
describe('Resource Graph through @azure/arm-resourcegraph (emulator, real pipeline)', () => {
  const t = registerDefenderTestEmulatorHooks();

  it('turns an error answer into an ArmError with status, code and the three request ids', async () => {
    t.emu.injectFault({ route: 'resourceGraph', kind: 'status', status: 403 });
    const error = await t.arm
      .queryResourceGraph([SUB], DOCKER_HUB_CONNECTORS_QUERY)
      .catch(e => e);
    expect(error).toBeInstanceOf(ArmError);
    expect(error).toMatchObject({
      status: 403,
      operation: 'POST resources (Resource Graph, page 1)',
      code: expect.any(String),
      requestId: expect.any(String),
      correlationRequestId: expect.any(String),
      clientRequestId: expect.stringMatching(GUID),
    });
  });

  it('reports a connection that keeps failing as "no response", naming its client request id', async () => {
    t.emu.injectFault({ route: 'resourceGraph', kind: 'reset' });
    const error = await t.arm
      .queryResourceGraph([SUB], DOCKER_HUB_CONNECTORS_QUERY)
      .catch(e => e);
    expect(error).toBeInstanceOf(ArmError);
    expect(error.status).toBe(0);
    expect(error.clientRequestId).toMatch(GUID);
    expect(error.message).toMatch(/failed: no response/);
  });

  it('sends the configured api-version, not the one the SDK release was built with', async () => {
    const config = readDefenderConfig(
      new ConfigReader(defenderTestConfig(t.emu)),
    );
    const trust = createDefenderTlsTrust({ caPem: t.emu.caPem });
    const arm = new SecurityCenterArmClient({
      config,
      credential: createAzureCredential(config.azure, { trust }),
      trust,
      apiVersions: { resourceGraph: '2022-10-01' },
      retryOptions: { maxRetries: 0 },
    });
    const error = await arm
      .queryResourceGraph([SUB], DOCKER_HUB_CONNECTORS_QUERY)
      .catch(e => e);
    expect(error).toBeInstanceOf(ArmError);
    expect(error.status).toBe(400);
    expect(error.armMessage).toContain("api-version '2022-10-01'");
  });
});
