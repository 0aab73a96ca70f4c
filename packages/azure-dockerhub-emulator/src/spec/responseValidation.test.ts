import { send } from '../server/RequestContext';
import { loadSpecs, startEmulator } from '../startEmulator';
import {
  DEMO,
  ENTRA_TOKEN_PATH,
  responseViolations,
  TestClient,
  TestResponse,
} from '../testUtils/TestClient';
import { useEmulator } from '../testUtils/useEmulator';

/**
 * The routes without an official spec are checked against our schemas at runtime, like the others
 * against the specs: each answers valid responses, and a response that breaks its schema fails.
 */
describe('runtime response validation of the routes without an official spec', () => {
  const { emu, client } = useEmulator();

  /** Each own route, called once the way a client calls it (the TestClient validates on the way). */
  const calls: [string, () => Promise<TestResponse>, (json: any) => void][] = [
    [
      'Providers_Get',
      () =>
        client.arm(
          'GET',
          `/subscriptions/${DEMO.prodSub}/providers/Microsoft.Security`,
          { apiVersion: '2021-04-01' },
        ),
      j => delete j.namespace,
    ],
    [
      'Providers_Register',
      () =>
        client.arm(
          'POST',
          `/subscriptions/${DEMO.prodSub}/providers/Microsoft.Security/register`,
          { apiVersion: '2021-04-01' },
        ),
      j => {
        j.resourceTypes = 'all';
      },
    ],
    [
      'Permissions_ListForResourceGroup',
      () =>
        client.arm(
          'GET',
          `/subscriptions/${DEMO.prodSub}/resourceGroups/${DEMO.rg}/providers/Microsoft.Authorization/permissions`,
          { apiVersion: '2022-04-01' },
        ),
      j => {
        j.value[0].condition = 1;
      },
    ],
    [
      'ListUserOrgs',
      async () =>
        client.request('GET', '/v2/user/orgs', {
          headers: {
            Authorization: `Bearer ${await client.hubJwt(
              'mdc-acme',
              DEMO.acmeRead,
            )}`,
          },
        }),
      j => {
        j.results[0].orgname = null;
      },
    ],
    [
      'RegistryToken',
      () =>
        client.registryToken(
          'repository:acme/payments-api:pull',
          'mdc-acme',
          DEMO.acmeRead,
        ),
      j => {
        j.issued_at = 'yesterday';
      },
    ],
    [
      'EntraToken',
      () => client.entraToken(),
      j => {
        j.expires_in = '3599';
      },
    ],
    [
      'OpenIdConfiguration',
      () =>
        client.request(
          'GET',
          `/${DEMO.tenantId}/v2.0/.well-known/openid-configuration`,
        ),
      j => delete j.jwks_uri,
    ],
    [
      'InstanceDiscovery',
      () => client.request('GET', '/common/discovery/instance'),
      j => {
        j.metadata[0].aliases = 'x';
      },
    ],
    [
      'DiscoveryKeys',
      () => client.request('GET', `/${DEMO.tenantId}/discovery/v2.0/keys`),
      j => delete j.keys,
    ],
  ];

  it.each(calls)(
    '%s: answers valid responses, and a broken one is flagged',
    async (id, call, breakIt) => {
      const res = await call();
      expect(res.status).toBe(200);
      const broken = JSON.parse(res.text);
      breakIt(broken);
      const { method, path } = emu.state().requestLog.slice(-1)[0];
      expect(responseViolations(method, path, res)).toEqual([]);
      const issues = responseViolations(method, path, { ...res, json: broken });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatch(new RegExp(`^${id} \\(our schema\\): `));
    },
  );

  it('validates their error answers too', async () => {
    const wrongSecret = await client.entraToken(DEMO.clientId, 'wrong');
    expect(wrongSecret.status).toBe(401);
    expect(
      responseViolations('POST', ENTRA_TOKEN_PATH, {
        ...wrongSecret,
        json: { error: 'invalid_client' },
      }),
    ).toEqual(['EntraToken (our schema): error_description is required']);
    const denied = await client.registryToken(
      'repository:acme/payments-api:pull',
      'mdc-acme',
      'wrong',
    );
    expect(denied.status).toBe(401);
    expect(
      responseViolations('GET', '/token', {
        ...denied,
        json: { detail: denied.json.details },
      }),
    ).toHaveLength(2);
    const notPost = await client.request('GET', ENTRA_TOKEN_PATH);
    expect(notPost.status).toBe(405);
    expect(notPost.json.error_description).toMatch(/^AADSTS900561: /);
  });

  it('flags a route that neither an official spec nor ours describes, unless it answers 404', () => {
    const answer = (status: number): TestResponse => ({
      status,
      headers: {},
      text: '{}',
      json: {},
    });
    expect(
      responseViolations('GET', '/v2/somewhere/else', answer(404)),
    ).toEqual([]);
    expect(
      responseViolations('GET', '/v2/somewhere/else', answer(200)),
    ).toEqual([
      'no schema, official or ours, describes GET /v2/somewhere/else',
    ]);
  });
});

describe('the validateResponses option', () => {
  const answer = async (path: string, status: number, body: unknown) => {
    const written: {
      status?: number;
      headers?: Record<string, string>;
      body?: string;
    } = {};
    const ctx: any = {
      core: {
        validateResponses: true,
        specs: loadSpecs(),
        state: { requestLog: [] },
        now: () => 0,
      },
      method: 'GET',
      path,
      headers: {},
      appliedFaults: [],
      responded: false,
      res: {
        writeHead: (s: number, h: Record<string, string>) =>
          Object.assign(written, { status: s, headers: h }),
        end: (b: Buffer) =>
          Object.assign(written, { body: b.toString('utf8') }),
      },
    };
    await send(ctx, status, body);
    return {
      ...written,
      json: JSON.parse(written.body!),
      logged: ctx.core.state.requestLog[0].status,
    };
  };

  it('sends an answer that satisfies its schema unchanged', async () => {
    const body = {
      token: 't',
      access_token: 't',
      expires_in: 300,
      issued_at: '2026-01-01T00:00:00Z',
    };
    expect(await answer('/token', 200, body)).toMatchObject({
      status: 200,
      json: body,
      logged: 200,
    });
  });

  it('turns an answer that breaks its schema into a 500 naming the violation', async () => {
    const stderr = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation(() => true);
    try {
      const res = await answer('/token', 200, {
        token: 't',
        access_token: 't',
        issued_at: '2026-01-01T00:00:00Z',
      });
      expect(res.status).toBe(500);
      expect(res.logged).toBe(500);
      expect(res.json.error).toEqual({
        code: 'EmulatorInvalidResponse',
        message:
          "The emulator's 200 answer to GET /token breaks its schema: RegistryToken (our schema): expires_in is required",
      });
      expect(stderr).toHaveBeenCalledWith(
        expect.stringContaining('breaks its schema'),
      );
    } finally {
      stderr.mockRestore();
    }
  });

  it('is on in a whole emulator: its valid answers pass', async () => {
    const strict = await startEmulator({ validateResponses: true });
    const c = new TestClient(strict);
    try {
      const res = await c.arm(
        'GET',
        `/subscriptions/${DEMO.prodSub}/providers/Microsoft.Security/securityConnectors`,
      );
      expect(res.status).toBe(200);
      expect(res.json.value).toHaveLength(2);
    } finally {
      c.close();
      await strict.stop();
    }
  });
});
