import { mockCredentials } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { fakePermissionPolicy } from '../__testUtils__/fakePermissionPolicy';
import { SUB, TOKENS } from '../__testUtils__/scenario';
import { sharedActionsEmulator } from '../__testUtils__/sharedActionsEmulator';
import { runAction } from '../__testUtils__/startActionsEmulator';

const CREATE = 'defender-for-containers.connector.create';
const DELETE = 'defender-for-containers.connector.delete';

const WRITER = 'user:default/writer';
const OUTSIDER = 'user:default/x';
const ONBOARDER = 'user:default/onboarder';
const OFFBOARDER = 'user:default/offboarder';
const CONDITIONAL = 'user:default/conditional';

const policy = fakePermissionPolicy({
  [WRITER]: [CREATE, DELETE],
  [ONBOARDER]: [CREATE],
  [OFFBOARDER]: [DELETE],
  [CONDITIONAL]: 'CONDITIONAL',
});

const onboarding = {
  organization: 'acme',
  username: 'mdcuser',
  accessToken: TOKENS.read,
  subscriptionId: SUB,
};

const cases: {
  action: 'validate' | 'onboard' | 'offboard';
  input: Record<string, unknown>;
  permission: string;
  doing: string;
  otherwiseAllowed: string;
  succeeded: (r: Awaited<ReturnType<typeof runAction>>) => void;
}[] = [
  {
    action: 'validate',
    input: onboarding,
    permission: CREATE,
    doing: 'validate Docker Hub organizations for onboarding',
    otherwiseAllowed: OFFBOARDER,
    succeeded: r => expect(r.outputs.ok).toBe(true),
  },
  {
    action: 'onboard',
    input: onboarding,
    permission: CREATE,
    doing: 'onboard Docker Hub organizations',
    otherwiseAllowed: OFFBOARDER,
    succeeded: r => expect(r.outputs.operation).toBe('created'),
  },
  {
    action: 'offboard',
    // globex's connector exists in the scenario (Staging).
    input: { organization: 'globex', confirmation: 'globex' },
    permission: DELETE,
    doing: 'offboard Docker Hub organizations',
    otherwiseAllowed: ONBOARDER,
    succeeded: r => expect(r.outputs.removed).toBe(true),
  },
];

describe('the actions authorize the task initiator before any remote call', () => {
  const t = sharedActionsEmulator({ permissions: policy.permissions });
  beforeEach(() => {
    policy.calls.length = 0;
  });

  /**
   * Runs the action as `user`, checking that it touched neither Azure nor Docker Hub and that
   * the policy was asked for the action's permission alone; returns the error.
   */
  async function runUntouched(
    c: (typeof cases)[number],
    user: string,
    options: { isDryRun?: boolean } = {},
  ) {
    const connectorsBefore = t.emu.state().connectors;
    const requestsBefore = t.emu.state().requestLog.length;
    const exchangesBefore = t.exchanges.length;

    const r = await runAction(t[c.action], c.input, {
      ...options,
      credentials: mockCredentials.user(user),
    });

    const message = `You are not allowed to ${c.doing}: the permission ${c.permission} is denied for ${user}. Ask your Backstage administrators (the permission policy) to grant it.`;
    expect(r.error.message).toBe(message);
    // What the task log prints (error.stack): the message alone, no frames.
    expect(r.error.stack).toBe(`NotAllowedError: ${message}`);
    expect(t.emu.state().requestLog).toHaveLength(requestsBefore);
    expect(t.exchanges).toHaveLength(exchangesBefore);
    expect(t.emu.state().connectors).toEqual(connectorsBefore);
    expect(r.outputs).toEqual({});
    expect(t.changed).toEqual([]);
    expect(policy.calls).toEqual([
      { permission: c.permission, credentials: mockCredentials.user(user) },
    ]);
    return r.error;
  }

  describe.each(cases)('defender:dockerhub:$action', c => {
    it(`runs as before for a user granted ${c.permission}, having asked for exactly that`, async () => {
      const r = await runAction(t[c.action], c.input, {
        credentials: mockCredentials.user(WRITER),
      });
      expect(r.error).toBeUndefined();
      c.succeeded(r);
      expect(policy.calls).toEqual([
        { permission: c.permission, credentials: mockCredentials.user(WRITER) },
      ]);
    });

    it(`refuses a user denied ${c.permission}, naming it, with no call to Azure or Docker Hub`, async () => {
      expect(await runUntouched(c, OUTSIDER)).toBeInstanceOf(NotAllowedError);
    });

    it('refuses a dry run too', async () => {
      expect(
        await runUntouched(c, OUTSIDER, { isDryRun: true }),
      ).toBeInstanceOf(NotAllowedError);
    });

    it('refuses a user holding only the other permission', async () => {
      expect(await runUntouched(c, c.otherwiseAllowed)).toBeInstanceOf(
        NotAllowedError,
      );
    });

    it('treats a CONDITIONAL answer as a refusal', async () => {
      expect(await runUntouched(c, CONDITIONAL)).toBeInstanceOf(
        NotAllowedError,
      );
    });
  });

  it('refuses a task without a signed-in initiator', async () => {
    const r = await runAction(t.onboard, onboarding, {
      credentials: mockCredentials.none(),
    });
    expect(r.error).toBeInstanceOf(NotAllowedError);
    expect(r.error.message).toContain(
      `the permission ${CREATE} is denied for an unauthenticated caller.`,
    );
  });
});
