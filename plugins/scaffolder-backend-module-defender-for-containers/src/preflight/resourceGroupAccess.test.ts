import { InputError } from '@backstage/errors';
import {
  ACME_INPUT,
  ADMIN,
  CONTRIBUTOR,
  READER,
  RG,
  SECURITY_READER,
  SUB,
} from '../__testUtils__/scenario';
import { sharedActionsEmulator } from '../__testUtils__/sharedActionsEmulator';
import {
  runAction,
  startActionsEmulator,
} from '../__testUtils__/startActionsEmulator';

const base = { ...ACME_INPUT, location: 'westeurope' };
const RG_SCOPE = `/subscriptions/${SUB}/resourceGroups/${RG}`;
const PERMISSIONS_PATH = `${RG_SCOPE}/providers/Microsoft.Authorization/permissions`;

/**
 * azure.resourceGroupAccess end to end: the real ARM client reads
 * Microsoft.Authorization/permissions from the emulator, which answers with the built-in role
 * definitions of the principal's scenario role.
 */
describe('azure.resourceGroupAccess against the emulator', () => {
  const t = sharedActionsEmulator();
  const as = (principal: { clientId: string; clientSecret: string }) =>
    startActionsEmulator({ emulator: t.emu, principal });
  const permissionCalls = () =>
    t.emu
      .state()
      .requestLog.filter(
        e =>
          e.method === 'GET' &&
          e.path.toLowerCase() === PERMISSIONS_PATH.toLowerCase(),
      );

  it.each([
    ['Security Admin (Microsoft.Security/*)', ADMIN],
    ['Contributor (* minus Microsoft.Authorization writes)', CONTRIBUTOR],
  ])(
    'passes for %s, from the permissions Azure returned',
    async (_role, principal) => {
      const r = await runAction((await as(principal)).validate, base);
      expect(r.error).toBeUndefined();
      expect(r.check('azure.resourceGroupAccess')).toMatchObject({
        status: 'pass',
        message: `Backstage may write security connectors in ${RG}`,
      });
      expect(r.outputs.warnings).toEqual([]);
      expect(permissionCalls().map(e => e.status)).toEqual([200]);
    },
  );

  it.each([
    ['Reader', READER, '*/read'],
    ['Security Reader', SECURITY_READER, 'Microsoft.Security/*/read'],
  ])(
    'fails for a %s and says which role to grant on which scope',
    async (_role, principal, shown) => {
      const r = await runAction((await as(principal)).validate, base);
      const check = r.check('azure.resourceGroupAccess');
      expect(check.status).toBe('fail');
      expect(check.message).toContain(
        `lacks Microsoft.Security/securityConnectors/write on resource group ${RG}`,
      );
      expect(check.message).toContain(shown);
      expect(check.remedy).toContain(
        `Security Admin role (or Contributor) on resource group ${RG} (scope ${RG_SCOPE})`,
      );
      expect(check.remedy).toContain(
        `--role "Security Admin" --scope ${RG_SCOPE}`,
      );
      expect(r.error).toBeInstanceOf(InputError);
      expect(r.outputs.ok).toBe(false);
    },
  );

  it('stops a Reader before any PUT, with the remedy in the task error', async () => {
    const r = await runAction((await as(READER)).onboard, {
      ...base,
      plans: { defenderForContainers: true, defenderCspm: false },
    });
    expect(r.error).toBeInstanceOf(InputError);
    expect(r.error.message).toContain('nothing was written to Azure');
    expect(r.error.message).toContain(
      "✗ Resource group write access: Backstage's Azure identity lacks Microsoft.Security/securityConnectors/write",
    );
    expect(r.error.message).toContain(
      `Next: assign Backstage's Azure identity the Security Admin role`,
    );
    expect(t.writes()).toEqual([]);
  });

  it('fails for a resource group that does not exist, before any PUT', async () => {
    const r = await runAction(t.onboard, {
      ...base,
      resourceGroup: 'rg-missing',
      plans: { defenderForContainers: true, defenderCspm: false },
    });
    const check = r.check('azure.resourceGroupAccess');
    expect(check).toMatchObject({
      status: 'fail',
      message: `resource group rg-missing does not exist in Production.`,
    });
    expect(check.remedy).toContain(
      `az group create -n rg-missing -l westeurope --subscription ${SUB}`,
    );
    expect(r.error).toBeInstanceOf(InputError);
    expect(t.writes()).toEqual([]);
    expect(t.emu.state().requestLog.map(e => e.status)).toContain(404);
  });

  it('warns "not verifiable" when the permissions call is refused (403), and the PUT decides', async () => {
    t.emu.injectFault({
      route: 'GET permissions',
      kind: 'status',
      status: 403,
    });
    const r = await runAction(t.validate, base);
    const check = r.check('azure.resourceGroupAccess');
    expect(check.status).toBe('warn');
    expect(check.message).toMatch(
      /^not verifiable before writing: .*403 AuthorizationFailed/,
    );
    expect(check.message).toContain('Microsoft.Authorization/permissions/read');
    expect(r.outputs.warnings).toEqual([
      expect.stringContaining('Resource group write access: not verifiable'),
    ]);
    // A warning does not stop the task: the Security Admin's PUT goes through.
    const onboarded = await runAction(t.onboard, {
      ...base,
      plans: { defenderForContainers: true, defenderCspm: false },
    });
    expect(onboarded.error).toBeUndefined();
    expect(t.writes().map(e => [e.method, e.status])).toEqual([['PUT', 201]]);
  });
});
