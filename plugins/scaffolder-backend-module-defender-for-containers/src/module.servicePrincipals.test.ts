import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  UNREACHABLE_AZURE,
  startModuleBackend,
} from './__testUtils__/startModuleBackend';

/** What each action does when a task started by `subject` runs it with empty input. */
async function runAs(subject: string) {
  const { actions } = await startModuleBackend({
    config: {
      defenderForContainers: {
        ...UNREACHABLE_AZURE,
        permissions: { servicePrincipals: ['external:ci-bot'] },
      },
    },
    features: [
      // As Backstage's permissions service for a service token without accessRestrictions.
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
    ],
  });
  expect(actions).toHaveLength(3);
  return Promise.all(
    actions.map(action =>
      Promise.resolve(
        action.handler({
          ...createMockActionContext({ input: {} }),
          getInitiatorCredentials: async () => mockCredentials.service(subject),
        } as any),
      ).then(
        () => undefined,
        (e: Error) => e,
      ),
    ),
  );
}

describe('scaffolderModuleDefenderForContainers and service principals', () => {
  it('reads defenderForContainers.permissions.servicePrincipals: others are refused', async () => {
    for (const error of await runAs('external:other-bot')) {
      expect(error).toBeInstanceOf(NotAllowedError);
      expect(error?.message).toContain(
        "'external:other-bot' there (and to give its token accessRestrictions)",
      );
      expect(error?.message).toContain(
        'defenderForContainers.permissions.servicePrincipals',
      );
    }
  });

  it('lets a listed service through to the input checks', async () => {
    for (const error of await runAs('external:ci-bot')) {
      expect(error).toBeDefined();
      expect(error).not.toBeInstanceOf(NotAllowedError);
    }
  });
});
