import type { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import scaffolderModule from './index';

const config = {
  defenderForContainers: {
    azure: {
      credential: {
        type: 'clientSecret',
        tenantId: '00000000-0000-0000-0000-0000000000aa',
        clientId: '00000000-0000-0000-0000-0000000000bb',
        clientSecret: 'not-used',
      },
      subscriptions: [{ id: '00000000-0000-0000-0000-000000000001' }],
    },
  },
};

/** Starts a backend with the module and `features`; returns the actions it added, in order. */
async function actionsRegisteredWith(...features: BackendFeature[]) {
  const actions: TemplateAction<any, any, any>[] = [];
  await startTestBackend({
    extensionPoints: [
      [
        scaffolderActionsExtensionPoint,
        { addActions: (...a: any[]) => actions.push(...a) },
      ],
    ],
    features: [scaffolderModule, ...features],
  });
  return actions;
}

describe('scaffolderModuleDefenderForContainers', () => {
  it('registers the three actions with the default client service factories', async () => {
    const actions = await actionsRegisteredWith(
      mockServices.rootConfig.factory({ data: config }),
    );
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
    const actions = await actionsRegisteredWith(
      mockServices.rootConfig.factory({ data: config }),
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    );
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
    const actions = await actionsRegisteredWith(
      mockServices.rootConfig.factory({ data: {} }),
      logger.factory,
    );
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
