import { DEMO_SCENARIO, startEmulator } from '../startEmulator';
import {
  connectorPath,
  DEMO,
  dockerHubConnectorBody,
  TestClient,
} from '../testUtils/TestClient';
import { useEmulator } from '../testUtils/useEmulator';

describe('fault injection', () => {
  const { emu, client } = useEmulator(
    { seed: 42 },
    { reloadBeforeEach: DEMO_SCENARIO },
  );
  const umbrella = connectorPath(DEMO.prodSub, DEMO.rg, 'dockerhub-umbrella');
  const lastLog = () => emu.state().requestLog.slice(-1)[0];
  beforeEach(() => emu.clearFaults());

  it('latency delays but does not change the answer, and `times` bounds it', async () => {
    emu.injectFault({
      route: 'GET securityConnectors',
      kind: 'latency',
      latencyMs: 20,
      times: 1,
    });
    expect((await client.arm('GET', umbrella)).status).toBe(200);
    expect(lastLog()).toMatchObject({ status: 200, faults: ['latency'] });
    await client.arm('GET', umbrella);
    expect(lastLog().faults).toBeUndefined();
  });

  it("429 with and without Retry-After, in ARM's error shape", async () => {
    const throttle = (more: { retryAfterSeconds?: number; times?: number }) =>
      emu.injectFault({
        route: 'GET securityConnectors',
        kind: 'status',
        status: 429,
        ...more,
      });
    const remove = throttle({ retryAfterSeconds: 7 });
    const limited = await client.arm('GET', umbrella);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
    expect(limited.json.error.code).toBe('TooManyRequests');
    expect(limited.headers['x-ms-request-id']).toBeDefined();
    remove();
    throttle({ times: 1 });
    const bare = await client.arm('GET', umbrella);
    expect(bare.status).toBe(429);
    expect(bare.headers['retry-after']).toBeUndefined();
    expect((await client.arm('GET', umbrella)).status).toBe(200);
  });

  it.each([500, 503] as const)(
    "%s on a Docker Hub route in the Hub's error shape",
    async status => {
      emu.injectFault({
        route: 'POST /v2/auth/token',
        kind: 'status',
        status,
        times: 1,
      });
      const res = await client.hubAuthToken({
        identifier: 'mdc-acme',
        secret: DEMO.acmeRead,
      });
      expect(res.status).toBe(status);
      expect(res.json.detail).toEqual(expect.any(String));
    },
  );

  describe.each([
    [
      404,
      'GET',
      umbrella,
      'ResourceNotFound',
      /^The Resource 'Microsoft.Security\/securityConnectors\/dockerhub-umbrella' under resource group 'rg-defender-connectors' was not found/,
    ],
    [
      404,
      'GET',
      `/subscriptions/${DEMO.prodSub}/resourceGroups/${DEMO.rg}/providers/Microsoft.Authorization/permissions`,
      'ResourceGroupNotFound',
      /^Resource group 'rg-defender-connectors' could not be found/,
    ],
    [
      409,
      'PUT',
      umbrella,
      'ScopeLocked',
      /cannot perform write operation because following scope\(s\) are locked: '\/subscriptions\/aaaaaaaa-0000-0000-0000-000000000001\/resourceGroups\/rg-defender-connectors'/,
    ],
    [409, 'DELETE', umbrella, 'ScopeLocked', /cannot perform delete operation/],
    [409, 'GET', umbrella, 'Conflict', /conflicts with the current state/],
    [
      502,
      'GET',
      umbrella,
      'BadGateway',
      /did not receive a valid response from 'Microsoft.Security'/,
    ],
    [
      504,
      'GET',
      umbrella,
      'GatewayTimeout',
      /^The gateway did not receive a response from 'Microsoft.Security' within the specified time period\.$/,
    ],
    [
      504,
      'GET',
      `/subscriptions/${DEMO.prodSub}/providers/Microsoft.Security`,
      'GatewayTimeout',
      /from 'Microsoft.Resources'/,
    ],
  ] as const)('%s on ARM %s %s', (status, method, path, code, message) => {
    const apiVersions: [RegExp, string][] = [
      [/\/permissions$/, '2022-04-01'],
      [/Microsoft\.Security$/, '2021-04-01'],
    ];
    it(`answers ${code} in ARM's error shape, with request ids, and leaves the state alone`, async () => {
      const before = emu.state().connectors;
      emu.injectFault({
        route: `${method} ${path}`,
        kind: 'status',
        status,
        times: 1,
      });
      const res = await client.arm(method, path, {
        apiVersion: apiVersions.find(([pattern]) => pattern.test(path))?.[1],
        body:
          method === 'PUT'
            ? dockerHubConnectorBody(
                'umbrella',
                'mdc-umbrella',
                DEMO.umbrellaRead,
              )
            : undefined,
      });
      expect(res.status).toBe(status);
      expect(res.json.error.code).toBe(code);
      expect(res.json.error.message).toMatch(message);
      expect(res.headers['x-ms-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(lastLog()).toMatchObject({ status, faults: [`status ${status}`] });
      expect(emu.state().connectors).toEqual(before);
    });
  });

  it.each([
    [
      404,
      '/v2/namespaces/acme/repositories/payments-api/tags',
      { detail: 'object not found', message: 'object not found' },
    ],
    [409, '/v2/user/orgs', { detail: 'Conflict', message: 'Conflict' }],
  ] as const)(
    "%s on a Docker Hub route in the Hub's JSON error shape",
    async (status, path, body) => {
      const jwt = await client.hubJwt('mdc-acme', DEMO.acmeRead);
      emu.injectFault({
        route: `GET ${path}`,
        kind: 'status',
        status,
        times: 1,
      });
      const res = await client.request('GET', path, {
        headers: { Authorization: `Bearer ${jwt}` },
      });
      expect(res.status).toBe(status);
      expect(res.json).toEqual(body);
    },
  );

  it.each([
    [502, 'repositories', '/v2/namespaces/acme/repositories'],
    [504, 'repositories', '/v2/namespaces/acme/repositories'],
    [
      502,
      'registryToken',
      '/token?service=registry.docker.io&scope=repository:acme/payments-api:pull',
    ],
    [
      504,
      'registryToken',
      '/token?service=registry.docker.io&scope=repository:acme/payments-api:pull',
    ],
  ] as const)(
    "%s on %s: the gateway's HTML page, not JSON",
    async (status, route, path) => {
      emu.injectFault({ route, kind: 'status', status, times: 1 });
      const res = await client.request('GET', path);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toBe('text/html');
      expect(res.json).toBeUndefined();
      expect(res.text).toContain(
        `<title>${status} ${
          status === 502 ? 'Bad Gateway' : 'Gateway Timeout'
        }</title>`,
      );
      expect((await client.request('GET', path)).status).toBe(200);
    },
  );

  it.each([
    [
      404,
      '/token?service=registry.docker.io&scope=repository:acme/payments-api:pull',
      { details: 'Not Found' },
    ],
    [
      409,
      '/token?service=registry.docker.io&scope=repository:acme/payments-api:pull',
      { details: 'Conflict' },
    ],
  ] as const)(
    '%s on the registry token service in its {details} shape',
    async (status, path, body) => {
      emu.injectFault({
        route: 'registryToken',
        kind: 'status',
        status,
        times: 1,
      });
      const res = await client.request('GET', path);
      expect(res.status).toBe(status);
      expect(res.json).toEqual(body);
    },
  );

  it.each([
    [404, 'invalid_request'],
    [409, 'invalid_request'],
    [502, 'temporarily_unavailable'],
    [504, 'temporarily_unavailable'],
  ] as const)(
    '%s on the Entra token endpoint in its OAuth error shape',
    async (status, error) => {
      emu.injectFault({
        route: 'entraToken',
        kind: 'status',
        status,
        times: 1,
      });
      const res = await client.entraToken();
      expect(res.status).toBe(status);
      expect(res.json.error).toBe(error);
      expect(res.json.error_description).toEqual(expect.any(String));
    },
  );

  it('refuses a status it has no error shape for', () => {
    expect(() =>
      emu.injectFault({ route: 'arm', kind: 'status', status: 418 as any }),
    ).toThrow(
      'A status fault needs one of the statuses 403, 404, 409, 429, 500, 502, 503, 504',
    );
  });

  it('resets the connection', async () => {
    emu.injectFault({ route: 'healthReports', kind: 'reset', times: 1 });
    await expect(
      client.arm(
        'GET',
        `${umbrella}/providers/Microsoft.Security/healthReports`,
        { apiVersion: '2023-05-01-preview', skipValidation: true },
      ),
    ).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(lastLog()).toMatchObject({ status: 0, faults: ['reset'] });
  });

  it('staleEtag makes a correct If-Match fail with 412', async () => {
    const current = await client.arm('GET', umbrella);
    emu.injectFault({
      route: 'PUT securityConnectors',
      kind: 'staleEtag',
      times: 1,
    });
    const res = await client.arm('PUT', umbrella, {
      body: dockerHubConnectorBody('umbrella', 'mdc-umbrella', DEMO.acmeRead),
      headers: { 'If-Match': current.json.etag },
    });
    expect(res.status).toBe(412);
    expect((await client.arm('GET', umbrella)).json.etag).not.toBe(
      current.json.etag,
    );
  });

  it('slowBody trickles a complete, valid body', async () => {
    emu.injectFault({
      route: /^GET \/v2\/namespaces\/[^/]+\/repositories$/,
      kind: 'slowBody',
      latencyMs: 30,
      times: 1,
    });
    const res = await client.request('GET', '/v2/namespaces/acme/repositories');
    expect(res.status).toBe(200);
    expect(res.json.count).toBe(1);
    expect(lastLog().faults).toEqual(['slowBody']);
  });

  it('draws probabilities deterministically from the seed', async () => {
    const pattern = async (seed: number) => {
      const other = await startEmulator({ seed });
      const c = new TestClient(other);
      other.injectFault({
        route: 'POST hubAuthToken',
        kind: 'status',
        status: 503,
        probability: 0.5,
      });
      const statuses: number[] = [];
      for (let i = 0; i < 16; i++) {
        statuses.push(
          (
            await c.hubAuthToken({
              identifier: 'mdc-acme',
              secret: DEMO.acmeRead,
            })
          ).status,
        );
      }
      c.close();
      await other.stop();
      return statuses.join(',');
    };
    const a = await pattern(7);
    expect(a).toMatch(/503/);
    expect(a).toMatch(/200/);
    expect(await pattern(7)).toBe(a);
    expect(await pattern(8)).not.toBe(a);
  });
});
