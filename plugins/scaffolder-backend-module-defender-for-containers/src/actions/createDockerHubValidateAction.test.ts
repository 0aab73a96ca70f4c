import { InputError, ServiceUnavailableError } from '@backstage/errors';
import {
  ACME_INPUT,
  ADMIN,
  RG,
  SUB,
  SUB_B,
  SUB_C,
  scenario,
  TOKENS,
} from '../__testUtils__/scenario';
import { sharedActionsEmulator } from '../__testUtils__/sharedActionsEmulator';
import {
  runAction,
  startActionsEmulator,
} from '../__testUtils__/startActionsEmulator';

const base = { ...ACME_INPUT, location: 'westeurope' };

describe('defender:dockerhub:validate against the emulator', () => {
  const t = sharedActionsEmulator();
  const validate = (patch: Record<string, unknown> = {}) =>
    runAction(t.validate, { ...base, ...patch });
  const statusOf = async (patch: Record<string, unknown>) => {
    const r = await validate(patch);
    return Object.fromEntries(
      (r.outputs.checks ?? []).map((c: any) => [c.id, c.status]),
    );
  };

  it('passes a dedicated editor with a read-only token; one log line per check; writes nothing', async () => {
    const r = await validate();
    expect(r.error).toBeUndefined();
    expect(r.outputs).toMatchObject({
      ok: true,
      connectorExists: false,
      repositories: { total: 3, private: 2, public: 1 },
      connectorId: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Security/securityConnectors/dockerhub-acme`,
      entityRef: 'resource:default/defender-dockerhub-acme',
    });
    const statuses = Object.fromEntries(
      r.outputs.checks.map((c: any) => [c.id, c.status]),
    );
    expect(statuses).toEqual({
      'dockerhub.tokenFormat': 'pass',
      'dockerhub.signIn': 'pass',
      'dockerhub.tokenScope': 'pass',
      'dockerhub.identity': 'pass',
      'dockerhub.membership': 'pass',
      'dockerhub.repositories': 'pass',
      'dockerhub.privateRepositoryAccess': 'pass',
      'dockerhub.readOnly': 'pass',
      'azure.subscriptionAllowed': 'pass',
      'azure.credential': 'pass',
      'azure.providerRegistration': 'pass',
      'azure.plans': 'pass',
      'azure.existingConnector': 'pass',
      'azure.resourceGroupAccess': 'pass',
    });
    expect(r.outputs.warnings).toEqual([]);
    for (const c of r.outputs.checks) {
      const symbol = { pass: '✓', warn: '⚠', fail: '✗', skipped: '–' }[
        c.status as string
      ];
      expect(
        r.logs.filter(l => l.message.startsWith(`${symbol} ${c.title}:`)),
      ).toHaveLength(1);
    }
    const log = t.emu.state().requestLog;
    expect(log.filter(e => !['GET', 'POST'].includes(e.method))).toEqual([]);
    expect(
      log.filter(
        e => e.method === 'POST' && !/\/token$|\/v2\/auth\/token$/.test(e.path),
      ),
    ).toEqual([]);
  });

  it.each([
    [
      'an organization access token',
      { accessToken: TOKENS.oat },
      { 'dockerhub.tokenFormat': 'fail', 'dockerhub.signIn': 'skipped' },
    ],
    [
      'a password',
      { accessToken: TOKENS.password },
      {
        'dockerhub.tokenFormat': 'warn',
        'dockerhub.tokenScope': 'fail',
        // An Editor's password can push: the probe shows it too.
        'dockerhub.readOnly': 'fail',
      },
    ],
    [
      'a revoked token',
      { accessToken: TOKENS.revoked },
      { 'dockerhub.signIn': 'fail', 'dockerhub.membership': 'skipped' },
    ],
    [
      'a public-read token',
      { accessToken: TOKENS.publicRead },
      { 'dockerhub.tokenScope': 'fail' },
    ],
    [
      'a write token',
      { accessToken: TOKENS.write },
      { 'dockerhub.tokenScope': 'fail', 'dockerhub.readOnly': 'fail' },
    ],
    [
      'a write token, policy warn',
      { accessToken: TOKENS.write, writeScopedTokens: 'warn' },
      { 'dockerhub.tokenScope': 'warn', 'dockerhub.readOnly': 'warn' },
    ],
    [
      'a mere member',
      { username: 'memberuser', accessToken: TOKENS.member },
      { 'dockerhub.membership': 'warn' },
    ],
    [
      'a non-member',
      { username: 'outsider', accessToken: TOKENS.outsider },
      { 'dockerhub.membership': 'fail' },
    ],
    [
      'an organization without private repositories: read-only proven on a public one',
      { organization: 'publiconly' },
      {
        'dockerhub.repositories': 'warn',
        'dockerhub.privateRepositoryAccess': 'skipped',
        'dockerhub.readOnly': 'pass',
      },
    ],
    [
      'an organization without private repositories, a write token',
      { organization: 'publiconly', accessToken: TOKENS.write },
      { 'dockerhub.readOnly': 'fail' },
    ],
    [
      'an unregistered provider',
      { subscriptionId: SUB_C },
      { 'azure.providerRegistration': 'fail' },
    ],
    [
      'plans off on the subscription',
      { subscriptionId: SUB_B },
      { 'azure.plans': 'warn' },
    ],
    [
      'an organization connected elsewhere',
      { organization: 'globex' },
      { 'azure.existingConnector': 'fail' },
    ],
    [
      'a connector name taken by another connector',
      { connectorName: 'shared' },
      { 'azure.existingConnector': 'fail' },
    ],
  ])('%s', async (_what, patch, expected) => {
    expect(await statusOf(patch)).toMatchObject(expected);
  });

  it('fails with an InputError listing what to do next, e.g. for a write-scoped token', async () => {
    const r = await validate({ accessToken: TOKENS.write });
    expect(r.error).toBeInstanceOf(InputError);
    expect(r.error.message).toContain('nothing was written to Azure');
    expect(r.error.message).toContain(
      'create a "Read-only" personal access token for user mdcuser and run again',
    );
    expect(r.outputs.ok).toBe(false);
  });

  describe('credentials not proven read-only', () => {
    const optOut = 'defenderForContainers.dockerHub.allowUnprovenReadOnly';
    const linesNaming = <L extends { message: string }>(
      logs: L[],
      text: string,
    ) => logs.filter(l => l.message.includes(text));
    const optedOut = () =>
      startActionsEmulator({ emulator: t.emu, allowUnprovenReadOnly: true });
    /** `scenario()` plus a password for memberuser (a Member: no push) and an org without repositories. */
    const loadWorld = () => {
      const world = scenario();
      const member = world.dockerHub!.users!.find(
        u => u.username === 'memberuser',
      )!;
      member.password = 'member-password-horse-battery';
      world.dockerHub!.orgs!.push({
        name: 'emptyorg',
        members: [{ user: 'mdcuser', role: 'editor' }],
        repositories: [],
      });
      t.emu.loadScenario(world);
    };
    const password = {
      username: 'memberuser',
      accessToken: 'member-password-horse-battery',
    };

    it('refuses a credential without scope (a password) by default, naming the user and the next step', async () => {
      loadWorld();
      const r = await validate(password);
      expect(r.check('dockerhub.tokenScope').status).toBe('fail');
      expect(r.error).toBeInstanceOf(InputError);
      expect(r.error.message).toContain(
        'create a "Read-only" personal access token for user memberuser',
      );
      expect(r.error.message).toContain(optOut);
      expect(r.error.message).not.toContain(password.accessToken);
      expect(JSON.stringify(r.logs)).not.toContain(password.accessToken);
    });

    // memberuser sees only acme's public repository, where a password gets no push: nothing
    // proves it read-only, so each unproven check says so in exactly one line.
    it(`passes it under ${optOut}, each unproven check saying so in exactly one log line`, async () => {
      loadWorld();
      const r = await runAction((await optedOut()).validate, {
        ...base,
        ...password,
      });
      expect(r.error).toBeUndefined();
      expect(r.outputs.ok).toBe(true);
      expect(r.check('dockerhub.tokenScope').status).toBe('warn');
      expect(r.check('dockerhub.readOnly').status).toBe('warn');
      const lines = linesNaming(r.logs, optOut);
      expect(lines.map(l => [l.level, l.message.split(':')[0]])).toEqual([
        ['warn', '⚠ Docker Hub token scope'],
        ['warn', '⚠ Read-only token (registry push probe)'],
      ]);
      for (const line of lines) {
        expect(line.message).toContain('read-only is not proven');
      }
    });

    it('still refuses a password that the registry shows can push, under the opt-out', async () => {
      const r = await runAction((await optedOut()).validate, {
        ...base,
        accessToken: TOKENS.password,
      });
      expect(r.check('dockerhub.tokenScope').status).toBe('warn');
      expect(r.check('dockerhub.readOnly').status).toBe('fail');
      expect(r.error).toBeInstanceOf(InputError);
    });

    it('refuses an organization with no repository to probe by default; warns in one line under the opt-out', async () => {
      loadWorld();
      const refused = await validate({ organization: 'emptyorg' });
      expect(refused.check('dockerhub.readOnly')).toMatchObject({
        status: 'fail',
        remedy: expect.stringContaining(
          'create a "Read-only" personal access token for user mdcuser',
        ),
      });
      expect(refused.error).toBeInstanceOf(InputError);
      const allowed = await runAction((await optedOut()).validate, {
        ...base,
        organization: 'emptyorg',
      });
      expect(allowed.check('dockerhub.readOnly').status).toBe('warn');
      expect(linesNaming(allowed.logs, optOut)).toHaveLength(1);
    });
  });

  it('names the connector that already holds the organization', async () => {
    const r = await validate({ organization: 'globex' });
    expect(r.check('azure.existingConnector').message).toContain(
      `/subscriptions/${SUB_B}/resourceGroups/${RG}/providers/Microsoft.Security/securityConnectors/dockerhub-globex`,
    );
  });

  it('reports a broken Azure credential as a service failure and skips the Azure checks', async () => {
    const broken = await startActionsEmulator({
      emulator: t.emu,
      principal: { ...ADMIN, clientSecret: 'wrong' },
    });
    const r = await runAction(broken.validate, base);
    expect(r.check('azure.credential').status).toBe('fail');
    expect(r.check('azure.plans').status).toBe('skipped');
    expect(r.error).toBeInstanceOf(ServiceUnavailableError);
  });

  it('honours 429 + Retry-After from both Docker Hub and ARM', async () => {
    t.emu.injectFault({
      route: 'GET /v2/user/orgs',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
    });
    t.emu.injectFault({
      route: 'GET securityConnectors',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
    });
    const r = await validate();
    expect(r.error).toBeUndefined();
    const statuses = t.emu.state().requestLog.map(e => e.status);
    expect(statuses.filter(s => s === 429)).toHaveLength(2);
  });

  it('rejects bad input before any remote call', async () => {
    const before = t.emu.state().requestLog.length;
    for (const patch of [
      { organization: 'a'.repeat(10_000) },
      { subscriptionId: '11111111-1111-1111-1111-111111111111' },
      { resourceGroup: 'rg\u200b' },
      { scanIntervalHours: 48 },
    ]) {
      const r = await validate(patch);
      expect(r.error).toBeInstanceOf(InputError);
    }
    expect(t.emu.state().requestLog).toHaveLength(before);
  });
});
