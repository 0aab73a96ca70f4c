import { Emulator, startEmulator } from '../startEmulator';
import { connectorPath, DEMO, dockerHubConnectorBody, TestClient } from '../testUtils/TestClient';

describe('fault injection', () => {
  let emu: Emulator;
  let client: TestClient;
  const umbrella = connectorPath(DEMO.prodSub, DEMO.rg, 'dockerhub-umbrella');
  const lastLog = () => emu.state().requestLog.slice(-1)[0];

  beforeAll(async () => {
    emu = await startEmulator({ seed: 42 });
    client = new TestClient(emu);
  });
  beforeEach(() => {
    emu.clearFaults();
    emu.loadScenario(require.resolve('../../scenarios/demo.yaml'));
  });
  afterAll(async () => {
    client.close();
    await emu.stop();
  });

  it('latency delays but does not change the answer, and `times` bounds it', async () => {
    emu.injectFault({ route: 'GET securityConnectors', kind: 'latency', latencyMs: 20, times: 1 });
    expect((await client.arm('GET', umbrella)).status).toBe(200);
    expect(lastLog()).toMatchObject({ status: 200, faults: ['latency'] });
    await client.arm('GET', umbrella);
    expect(lastLog().faults).toBeUndefined();
  });

  it('429 with and without Retry-After, in ARM\'s error shape', async () => {
    const remove = emu.injectFault({ route: 'GET securityConnectors', kind: 'status', status: 429, retryAfterSeconds: 7 });
    const limited = await client.arm('GET', umbrella);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
    expect(limited.json.error.code).toBe('TooManyRequests');
    expect(limited.headers['x-ms-request-id']).toBeDefined();
    remove();
    emu.injectFault({ route: 'GET securityConnectors', kind: 'status', status: 429, times: 1 });
    const bare = await client.arm('GET', umbrella);
    expect(bare.status).toBe(429);
    expect(bare.headers['retry-after']).toBeUndefined();
    expect((await client.arm('GET', umbrella)).status).toBe(200);
  });

  it.each([500, 503] as const)('%s on a Docker Hub route in the Hub\'s error shape', async status => {
    emu.injectFault({ route: 'POST /v2/auth/token', kind: 'status', status, times: 1 });
    const res = await client.request('POST', '/v2/auth/token', { body: { identifier: 'mdc-acme', secret: DEMO.acmeRead } });
    expect(res.status).toBe(status);
    expect(res.json.detail).toEqual(expect.any(String));
  });

  it('resets the connection', async () => {
    emu.injectFault({ route: 'healthReports', kind: 'reset', times: 1 });
    await expect(
      client.arm('GET', `${umbrella}/providers/Microsoft.Security/healthReports`, { apiVersion: '2023-05-01-preview', skipValidation: true }),
    ).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(lastLog()).toMatchObject({ status: 0, faults: ['reset'] });
  });

  it('staleEtag makes a correct If-Match fail with 412', async () => {
    const current = await client.arm('GET', umbrella);
    emu.injectFault({ route: 'PUT securityConnectors', kind: 'staleEtag', times: 1 });
    const res = await client.arm('PUT', umbrella, {
      body: dockerHubConnectorBody('umbrella', 'mdc-umbrella', DEMO.acmeRead),
      headers: { 'If-Match': current.json.etag },
    });
    expect(res.status).toBe(412);
    expect((await client.arm('GET', umbrella)).json.etag).not.toBe(current.json.etag);
  });

  it('slowBody trickles a complete, valid body', async () => {
    emu.injectFault({ route: /^GET \/v2\/namespaces\/[^/]+\/repositories$/, kind: 'slowBody', latencyMs: 30, times: 1 });
    const res = await client.request('GET', '/v2/namespaces/acme/repositories');
    expect(res.status).toBe(200);
    expect(res.json.count).toBe(1);
    expect(lastLog().faults).toEqual(['slowBody']);
  });

  it('draws probabilities deterministically from the seed', async () => {
    const pattern = async (seed: number) => {
      const other = await startEmulator({ seed });
      const c = new TestClient(other);
      other.injectFault({ route: 'POST hubAuthToken', kind: 'status', status: 503, probability: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 16; i++) {
        statuses.push((await c.request('POST', '/v2/auth/token', { body: { identifier: 'mdc-acme', secret: DEMO.acmeRead } })).status);
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
