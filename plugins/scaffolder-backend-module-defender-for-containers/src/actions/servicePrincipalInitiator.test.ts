import { mockCredentials } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { SUB, TOKENS } from '../__testUtils__/scenario';
import { sharedActionsEmulator } from '../__testUtils__/sharedActionsEmulator';
import { runAction } from '../__testUtils__/startActionsEmulator';

const KEY = 'defenderForContainers.permissions.servicePrincipals';

const onboarding = {
  organization: 'acme',
  username: 'mdcuser',
  accessToken: TOKENS.read,
  subscriptionId: SUB,
};

const cases = [
  {
    action: 'onboard' as const,
    input: onboarding,
    permission: 'defender-for-containers.connector.create',
    succeeded: (r: Awaited<ReturnType<typeof runAction>>) =>
      expect(r.outputs.operation).toBe('created'),
  },
  {
    action: 'offboard' as const,
    // globex's connector exists in the scenario (Staging).
    input: { organization: 'globex', confirmation: 'globex' },
    permission: 'defender-for-containers.connector.delete',
    succeeded: (r: Awaited<ReturnType<typeof runAction>>) =>
      expect(r.outputs.removed).toBe(true),
  },
  {
    action: 'validate' as const,
    input: onboarding,
    permission: 'defender-for-containers.connector.create',
    succeeded: (r: Awaited<ReturnType<typeof runAction>>) =>
      expect(r.outputs.ok).toBe(true),
  },
];

// The default permissions service allows everything, as Backstage's does for a service principal
// whose token has no accessRestrictions: only the list in config stands between it and a write.
describe('tasks started by a service principal', () => {
  const t = sharedActionsEmulator({ servicePrincipals: ['external:ci-bot'] });

  describe.each(cases)('defender:dockerhub:$action', c => {
    it('refuses an unlisted service initiator, naming its subject and the key, with no call to Azure or Docker Hub', async () => {
      const requestsBefore = t.emu.state().requestLog.length;
      const exchangesBefore = t.exchanges.length;
      const connectorsBefore = t.emu.state().connectors;

      const r = await runAction(t[c.action], c.input, {
        credentials: mockCredentials.service('external:other-bot'),
      });

      expect(r.error).toBeInstanceOf(NotAllowedError);
      expect(r.error.message).toContain("'external:other-bot'");
      expect(r.error.message).toContain(KEY);
      expect(r.error.message).toContain(c.permission);
      expect(t.emu.state().requestLog).toHaveLength(requestsBefore);
      expect(t.exchanges).toHaveLength(exchangesBefore);
      expect(t.emu.state().connectors).toEqual(connectorsBefore);
      expect(r.outputs).toEqual({});
      expect(t.changed).toEqual([]);
    });

    it('refuses a dry run of an unlisted service too', async () => {
      const r = await runAction(t[c.action], c.input, {
        credentials: mockCredentials.service('plugin:catalog'),
        isDryRun: true,
      });
      expect(r.error).toBeInstanceOf(NotAllowedError);
      expect(r.error.message).toContain(KEY);
    });

    it('runs for a listed service initiator', async () => {
      const r = await runAction(t[c.action], c.input, {
        credentials: mockCredentials.service('external:ci-bot'),
      });
      expect(r.error).toBeUndefined();
      c.succeeded(r);
    });

    it('runs for a user as before', async () => {
      const r = await runAction(t[c.action], c.input, {
        credentials: mockCredentials.user('user:default/jane'),
      });
      expect(r.error).toBeUndefined();
      c.succeeded(r);
    });
  });
});
