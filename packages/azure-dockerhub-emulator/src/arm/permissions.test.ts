import { ScenarioInput } from '../scenario/scenarioSchema';
import { DEMO } from '../testUtils/TestClient';
import { useEmulator } from '../testUtils/useEmulator';

const SUB = 'eeeeeeee-0000-0000-0000-000000000001';
const OTHER = 'eeeeeeee-0000-0000-0000-000000000002';
const RG = 'rg-connectors';
const API = '2022-04-01';
const ROLES = [
  'Reader',
  'Security Reader',
  'Security Admin',
  'Contributor',
  'Owner',
] as const;
const clientIdOf = (i: number) => `ffffffff-0000-0000-0000-00000000000${i}`;
const secretOf = (i: number) => `permissions-test-secret-${i}`;
const NO_ROLE = ROLES.length;

function scenario(): ScenarioInput {
  return {
    azure: {
      tenantId: DEMO.tenantId,
      pageSize: 1,
      principals: [
        ...ROLES.map((role, i) => ({
          clientId: clientIdOf(i),
          clientSecret: secretOf(i),
          displayName: role,
          roles: { [SUB]: role },
        })),
        {
          clientId: clientIdOf(NO_ROLE),
          clientSecret: secretOf(NO_ROLE),
          displayName: 'elsewhere',
          roles: { [OTHER]: 'Owner' },
        },
      ],
      subscriptions: [
        // Microsoft.Security unregistered: Microsoft.Authorization is answered anyway.
        {
          id: SUB,
          displayName: 'Sub',
          registrationState: 'NotRegistered',
          resourceGroups: [{ name: RG, location: 'westeurope' }],
        },
        { id: OTHER, displayName: 'Other', resourceGroups: [] },
      ],
    },
  };
}

describe('Microsoft.Authorization permissions of a resource group', () => {
  const { emu, client } = useEmulator({ scenario: scenario() });
  const path = (rg = RG, sub = SUB) =>
    `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Authorization/permissions`;
  const as = (i: number, options: { apiVersion?: string; rg?: string } = {}) =>
    client.arm('GET', path(options.rg), {
      apiVersion: options.apiVersion ?? API,
      clientId: clientIdOf(i),
      clientSecret: secretOf(i),
    });

  beforeEach(() => emu.clearFaults());

  it('gives a Reader only */read', async () => {
    const res = await as(ROLES.indexOf('Reader'));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      value: [
        {
          actions: ['*/read'],
          notActions: [],
          dataActions: [],
          notDataActions: [],
        },
      ],
    });
    expect(res.headers['x-ms-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives a Security Reader reads of Microsoft.Security but no write', async () => {
    const res = await as(ROLES.indexOf('Security Reader'));
    expect(res.status).toBe(200);
    const [p] = res.json.value;
    expect(res.json.value).toHaveLength(1);
    expect(p.actions).toEqual(
      expect.arrayContaining([
        'Microsoft.Security/*/read',
        'Microsoft.Authorization/*/read',
        'Microsoft.Resources/subscriptions/resourceGroups/read',
      ]),
    );
    expect(p.actions).not.toContain('Microsoft.Security/*');
    expect(p.actions).not.toContain('*');
    expect(p.actions.filter((a: string) => /\/(write|\*)$/i.test(a))).toEqual(
      [],
    );
    expect(p.notActions).toEqual([]);
  });

  it('gives a Security Admin Microsoft.Security/* and resource group reads', async () => {
    const res = await as(ROLES.indexOf('Security Admin'));
    expect(res.status).toBe(200);
    const [p] = res.json.value;
    expect(p.actions).toEqual(
      expect.arrayContaining([
        'Microsoft.Security/*',
        'Microsoft.Resources/subscriptions/resourceGroups/read',
        'Microsoft.Authorization/*/read',
      ]),
    );
    expect(p.actions).not.toContain('*');
    expect(p).toMatchObject({
      notActions: [],
      dataActions: [],
      notDataActions: [],
    });
  });

  it('gives a Contributor * minus the authorization writes', async () => {
    const res = await as(ROLES.indexOf('Contributor'));
    expect(res.status).toBe(200);
    const [p] = res.json.value;
    expect(p.actions).toEqual(['*']);
    expect(p.notActions).toEqual(
      expect.arrayContaining([
        'Microsoft.Authorization/*/Delete',
        'Microsoft.Authorization/*/Write',
        'Microsoft.Authorization/elevateAccess/Action',
      ]),
    );
    expect(
      p.notActions.some((a: string) => a.startsWith('Microsoft.Security/')),
    ).toBe(false);
  });

  it('gives an Owner *', async () => {
    const res = await as(ROLES.indexOf('Owner'));
    expect(res.json).toEqual({
      value: [
        { actions: ['*'], notActions: [], dataActions: [], notDataActions: [] },
      ],
    });
  });

  it('refuses a principal without a role on the subscription with AuthorizationFailed', async () => {
    const res = await as(NO_ROLE);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('AuthorizationFailed');
    expect(res.json.error.message).toContain(
      `does not have authorization to perform action 'Microsoft.Authorization/permissions/read' over scope '/subscriptions/${SUB}/resourceGroups/${RG}'`,
    );
  });

  it('answers an unknown resource group with ResourceGroupNotFound in ARM wording', async () => {
    const res = await as(ROLES.indexOf('Security Admin'), { rg: 'rg-missing' });
    expect(res.status).toBe(404);
    expect(res.json.error).toEqual({
      code: 'ResourceGroupNotFound',
      message: "Resource group 'rg-missing' could not be found.",
    });
  });

  it('finds resource groups case-insensitively', async () => {
    const res = await as(ROLES.indexOf('Owner'), { rg: RG.toUpperCase() });
    expect(res.status).toBe(200);
    expect(res.json.value[0].actions).toEqual(['*']);
  });

  it('answers only api-version 2022-04-01, with the api-version errors of the other routes', async () => {
    const admin = ROLES.indexOf('Security Admin');
    const older = await as(admin, { apiVersion: '2015-07-01' });
    expect(older.status).toBe(400);
    expect(older.json.error.code).toBe('EmulatorUnsupportedApiVersion');
    const unknown = await as(admin, { apiVersion: '2099-01-01' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe('NoRegisteredProviderFound');
    const token = await client.armToken(clientIdOf(admin), secretOf(admin));
    const missing = await client.request('GET', path(), {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(missing.status).toBe(400);
    expect(missing.json.error.code).toBe('MissingApiVersionParameter');
  });

  it('requires a bearer token', async () => {
    const res = await client.request('GET', `${path()}?api-version=${API}`);
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('AuthenticationFailed');
  });

  it('can be refused by a 403 fault, in AuthorizationFailed wording naming the caller', async () => {
    emu.injectFault({
      route: 'GET permissions',
      kind: 'status',
      status: 403,
      times: 1,
    });
    const admin = ROLES.indexOf('Security Admin');
    const refused = await as(admin);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('AuthorizationFailed');
    expect(refused.json.error.message).toMatch(
      new RegExp(
        `^The client '${clientIdOf(
          admin,
        )}' with object id '[0-9a-f-]{36}' does not have authorization to perform action 'Microsoft.Authorization/permissions/read'`,
      ),
    );
    expect((await as(admin)).status).toBe(200);
  });
});

describe('Microsoft.Authorization permissions in the demo scenario', () => {
  const { client } = useEmulator();

  it('gives the demo principal Security Admin on Production and Reader on Sandbox', async () => {
    const permissions = (sub: string, rg: string) =>
      client.arm(
        'GET',
        `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Authorization/permissions`,
        { apiVersion: API },
      );
    const prod = await permissions(DEMO.prodSub, DEMO.rg);
    expect(prod.json.value[0].actions).toContain('Microsoft.Security/*');
    const sandbox = await permissions(DEMO.sandboxSub, 'rg-sandbox');
    expect(sandbox.json.value).toEqual([
      {
        actions: ['*/read'],
        notActions: [],
        dataActions: [],
        notDataActions: [],
      },
    ]);
  });
});
