import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Emulator } from '@defender-backstage/azure-dockerhub-emulator';
import { startDefenderTestEmulator } from './testUtils/startDefenderTestEmulator';

import type * as fs from 'node:fs';
import type * as tls from 'node:tls';
import type { DefenderArmClient } from './azure/DefenderArmClient';
import { defenderArmClientServiceRef } from './defenderArmClientServiceRef';
import {
  defenderTlsTrustServiceRef,
  type DefenderTlsTrustService,
} from './defenderTlsTrustServiceRef';
import type { DockerHubClient } from './dockerhub/DockerHubClient';
import { dockerHubClientServiceRef } from './dockerHubClientServiceRef';
import { defenderTestConfig } from './testUtils/defenderTestConfig';
import { READ_TOKEN, SUB, clientTestScenario } from './testUtils/testScenario';

// The real module objects, which Node's TLS code and this package's imports look functions up on.
const realFs: typeof fs = jest.requireActual('node:fs');
const realTls: typeof tls = jest.requireActual('node:tls');

interface Deps {
  arm: DefenderArmClient;
  hub: DockerHubClient;
  tls: DefenderTlsTrustService;
}

/** A plugin that hands out the clients and the trust it was given. */
const consumer = (pluginId: string, seen: Record<string, Deps>) =>
  createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({
        deps: {
          arm: defenderArmClientServiceRef,
          hub: dockerHubClientServiceRef,
          tls: defenderTlsTrustServiceRef,
        },
        async init(deps) {
          seen[pluginId] = deps;
        },
      });
    },
  });

describe('defenderTlsTrustServiceRef', () => {
  const dir = createMockDirectory();
  let emu: Emulator;
  beforeAll(async () => {
    ({ emu } = await startDefenderTestEmulator({
      scenario: clientTestScenario,
    }));
    dir.setContent({ 'ca.pem': emu.caPem });
  });
  afterAll(() => emu.stop());
  afterEach(() => jest.restoreAllMocks());

  const start = (caFile: string | undefined, seen: Record<string, Deps>) =>
    startTestBackend({
      features: [
        consumer('one', seen),
        consumer('two', seen),
        mockServices.rootConfig.factory({
          data: defenderTestConfig(emu, {
            subscriptions: [{ id: SUB }],
            caFile,
          }),
        }),
      ],
    });

  it('reads caFile once per backend and gives every plugin the same trust, which their clients use', async () => {
    const caFile = dir.resolve('ca.pem');
    const reads = jest.spyOn(realFs, 'readFileSync');
    const seen: Record<string, Deps> = {};
    const backend = await start(caFile, seen);
    try {
      expect(reads.mock.calls.filter(([p]) => p === caFile)).toHaveLength(1);
      const { trust } = seen.one.tls;
      expect(trust).toBeDefined();
      expect(seen.two.tls.trust).toBe(trust);

      const contexts = jest.spyOn(realTls, 'createSecureContext');
      const dispatch = jest.spyOn(trust!.dispatcher, 'dispatch');
      for (const { arm, hub } of [seen.one, seen.two]) {
        await expect(arm.verifyCredential()).resolves.toBeUndefined();
        await expect(arm.getPricing(SUB, 'Containers')).resolves.toMatchObject({
          name: 'Containers',
        });
        await expect(
          hub.signIn({ username: 'mdcuser', secret: READ_TOKEN }),
        ).resolves.toBeDefined();
      }
      expect(dispatch).toHaveBeenCalled();
      expect(contexts).not.toHaveBeenCalled();
    } finally {
      await backend.stop();
    }
    expect(seen.one.tls.trust!.dispatcher.closed).toBe(true);
  });

  it('builds nothing without caFile', async () => {
    const reads = jest.spyOn(realFs, 'readFileSync');
    const seen: Record<string, Deps> = {};
    const backend = await start(undefined, seen);
    try {
      expect(seen.one.tls.trust).toBeUndefined();
      expect(seen.two.tls.trust).toBeUndefined();
      expect(
        reads.mock.calls.filter(([p]) => String(p).endsWith('.pem')),
      ).toEqual([]);
      expect(seen.one.arm).toBeDefined();
      expect(seen.one.hub).toBeDefined();
    } finally {
      await backend.stop();
    }
  });
});
