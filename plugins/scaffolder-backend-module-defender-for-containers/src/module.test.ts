import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  UNREACHABLE_AZURE,
  startModuleBackend,
} from './__testUtils__/startModuleBackend';

const config = { defenderForContainers: UNREACHABLE_AZURE };

describe('scaffolderModuleDefenderForContainers', () => {
  it('registers the three actions with the default client service factories', async () => {
    const { actions } = await startModuleBackend({ config });
    expect(actions.map(a => a.id)).toEqual([
      'defender:dockerhub:validate',
      'defender:dockerhub:onboard',
      'defender:dockerhub:offboard',
    ]);
    for (const action of actions) {
      expect(action.supportsDryRun).toBe(true);
      expect(action.examples?.length).toBeGreaterThan(0);
      expect(action.schema?.input).toBeDefined();
      expect(action.schema?.output).toBeDefined();
    }
  });

  it("wires the backend's permissions service: a denied initiator is refused", async () => {
    const { actions } = await startModuleBackend({
      config,
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    for (const action of actions) {
      const ctx = {
        ...createMockActionContext({ input: {} }),
        getInitiatorCredentials: async () =>
          mockCredentials.user('user:default/x'),
      };
      await expect(action.handler(ctx as any)).rejects.toThrow(NotAllowedError);
    }
  });

  it('starts without defenderForContainers: one warning, and the actions fail naming the keys', async () => {
    const logger = mockServices.logger.mock();
    const { actions } = await startModuleBackend({
      features: [logger.factory],
    });
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('defenderForContainers.azure.subscriptions'),
    );
    // Declared as usual, so templates and the actions list still show them.
    expect(actions.map(a => a.id)).toEqual([
      'defender:dockerhub:validate',
      'defender:dockerhub:onboard',
      'defender:dockerhub:offboard',
    ]);
    expect(actions[0].schema?.input).toBeDefined();
    for (const action of actions) {
      await expect(
        action.handler(createMockActionContext({ input: {} }) as any),
      ).rejects.toThrow(
        /not configured: set defenderForContainers\.azure\.subscriptions/,
      );
    }
  });
});
