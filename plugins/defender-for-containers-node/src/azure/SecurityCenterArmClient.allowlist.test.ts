import type { TokenCredential } from '@azure/core-auth';
import { NotAllowedError } from '@backstage/errors';
import { ConfigReader } from '@backstage/config';
import { readDefenderConfig } from '../config/readDefenderConfig';
import { SecurityCenterArmClient } from './SecurityCenterArmClient';

// The write allowlist compares subscription ids as ARM does: case-insensitively. The endpoint is
// a closed loopback port, so an allowed write fails on the network, never on the allowlist.
const ALLOWED = 'AAAAAAAA-0000-0000-0000-00000000000A';
const FOREIGN = 'bbbbbbbb-0000-0000-0000-00000000000b';
const id = (sub: string) =>
  `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/dockerhub-acme`;
const credential: TokenCredential = {
  getToken: async () => ({
    token: 'not-a-real-token',
    expiresOnTimestamp: Date.now() + 3_600_000,
  }),
};

describe('SecurityCenterArmClient write allowlist', () => {
  const arm = new SecurityCenterArmClient({
    config: readDefenderConfig(
      new ConfigReader({
        defenderForContainers: {
          azure: {
            armEndpoint: 'https://127.0.0.1:9',
            credential: { type: 'default' },
            subscriptions: [{ id: ALLOWED }],
          },
        },
      }),
    ),
    credential,
    retryOptions: { maxRetries: 0 },
    timeoutMs: 2000,
  });

  it('refuses to write outside the allowed subscriptions, naming the subscription and the key', async () => {
    for (const write of [
      () => arm.deleteSecurityConnector(id(FOREIGN)),
      () => arm.putSecurityConnector(id(FOREIGN), {} as any),
    ]) {
      const e = await write().then(
        () => undefined,
        err => err,
      );
      expect(e).toBeInstanceOf(NotAllowedError);
      expect(e.message).toBe(
        `Subscription ${FOREIGN} is not in defenderForContainers.azure.subscriptions; refusing to write to it`,
      );
    }
  });

  it('accepts an allowed subscription in any letter case', async () => {
    for (const sub of [ALLOWED, ALLOWED.toLowerCase()]) {
      const e = await arm.deleteSecurityConnector(id(sub)).then(
        () => undefined,
        err => err,
      );
      expect(e).toBeDefined();
      expect(e).not.toBeInstanceOf(NotAllowedError);
    }
  });
});
