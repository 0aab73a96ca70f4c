import { Emulator, startEmulator } from '../startEmulator';
import { connectorPath, DEMO, dockerHubConnectorBody, TestClient } from '../testUtils/TestClient';

describe('securityConnectors (2024-08-01-preview)', () => {
  let emu: Emulator;
  let client: TestClient;

  beforeAll(async () => {
    emu = await startEmulator();
    client = new TestClient(emu);
  });
  beforeEach(() => {
    emu.loadScenario(require.resolve('../../scenarios/demo.yaml'));
    client.forgetTokens();
  });
  afterAll(async () => {
    client.close();
    await emu.stop();
  });

  it('creates (201), reads back without the token, updates (200) and deletes (200, then 204)', async () => {
    const created = await client.arm('PUT', connectorPath(), { body: dockerHubConnectorBody() });
    expect(created.status).toBe(201);
    expect(created.json.id).toBe(connectorPath());
    expect(created.json.etag).toEqual(expect.any(String));
    expect(created.json.properties.environmentData.authentication).toEqual({
      authenticationType: 'AccessToken',
      username: 'mdc-acme',
    });
    expect(created.text).not.toContain(DEMO.acmeRead);

    const read = await client.arm('GET', connectorPath().toUpperCase().replace('/SUBSCRIPTIONS', '/subscriptions'));
    expect(read.status).toBe(200);
    expect(read.json.name).toBe('dockerhub-acme');
    expect(read.json.properties.hierarchyIdentifier).toBe('acme');

    const updated = await client.arm('PUT', connectorPath(), {
      body: { ...dockerHubConnectorBody(), etag: read.json.etag },
      headers: { 'If-Match': read.json.etag },
    });
    expect(updated.status).toBe(200);
    expect(updated.json.etag).not.toBe(read.json.etag);

    expect((await client.arm('DELETE', connectorPath())).status).toBe(200);
    expect((await client.arm('DELETE', connectorPath())).status).toBe(204);
    const gone = await client.arm('GET', connectorPath());
    expect(gone.status).toBe(404);
    expect(gone.json.error.code).toBe('ResourceNotFound');
  });

  it('answers a stale If-Match with 412 PreconditionFailed', async () => {
    const created = await client.arm('PUT', connectorPath(), { body: dockerHubConnectorBody() });
    await client.arm('PATCH', connectorPath(), { body: { properties: { environmentData: { environmentType: 'DockerHubOrganization', scanInterval: 6 } } } });
    const stale = await client.arm('PUT', connectorPath(), {
      body: dockerHubConnectorBody(),
      headers: { 'If-Match': created.json.etag },
    });
    expect(stale.status).toBe(412);
    expect(stale.json.error.code).toBe('PreconditionFailed');
  });

  it('PATCH replaces the properties it names (as the official example shows) and keeps the stored token', async () => {
    await client.arm('PUT', connectorPath(), { body: dockerHubConnectorBody() });
    const patched = await client.arm('PATCH', connectorPath(), {
      body: { properties: { environmentData: { environmentType: 'DockerHubOrganization', scanInterval: 6 } } },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.properties.environmentData).toEqual({ environmentType: 'DockerHubOrganization', scanInterval: 6 });
    expect(patched.json.properties.hierarchyIdentifier).toBe('acme');
    emu.advanceTime(10_000);
    const [report] = (
      await client.arm('GET', `${connectorPath()}/providers/Microsoft.Security/healthReports`, { apiVersion: '2023-05-01-preview' })
    ).json.value;
    expect(report.properties.status.code).toBe('Healthy');
  });

  it('allows one Docker Hub connector per organization across subscriptions', async () => {
    const other = connectorPath(DEMO.prodSub, 'rg-platform', 'second-umbrella');
    const res = await client.arm('PUT', other, { body: dockerHubConnectorBody('UMBRELLA', 'mdc-umbrella', 'x') });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('Conflict');
    expect(res.json.error.message).toContain(connectorPath(DEMO.prodSub, DEMO.rg, 'dockerhub-umbrella'));
  });

  it('lists by subscription and resource group with absolute nextLink pages', async () => {
    emu.loadScenario({
      azure: {
        tenantId: DEMO.tenantId,
        pageSize: 2,
        principals: [{ clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, displayName: 'p', roles: { [DEMO.prodSub]: 'Owner' } }],
        subscriptions: [{ id: DEMO.prodSub, displayName: 's', resourceGroups: [{ name: 'rg1', location: 'westeurope' }, { name: 'rg2', location: 'westeurope' }] }],
      },
    });
    for (const [rg, org] of [['rg1', 'a'], ['rg1', 'b'], ['rg2', 'c'], ['rg1', 'd']]) {
      const res = await client.arm('PUT', connectorPath(DEMO.prodSub, rg, `dh-${org}`), { body: dockerHubConnectorBody(org) });
      expect(res.status).toBe(201);
    }
    const names: string[] = [];
    let next: string | undefined = `/subscriptions/${DEMO.prodSub}/providers/Microsoft.Security/securityConnectors`;
    const links: string[] = [];
    while (next) {
      const page = await client.arm('GET', next);
      expect(page.status).toBe(200);
      names.push(...page.json.value.map((c: any) => c.name));
      next = page.json.nextLink;
      if (next) links.push(next);
    }
    expect(links).toHaveLength(1);
    expect(links[0].startsWith(`${emu.url}/subscriptions/`)).toBe(true);
    expect(names).toEqual(['dh-a', 'dh-b', 'dh-c', 'dh-d']);
    const rg2 = await client.arm('GET', `/subscriptions/${DEMO.prodSub}/resourceGroups/RG2/providers/Microsoft.Security/securityConnectors`);
    expect(rg2.json.value.map((c: any) => c.name)).toEqual(['dh-c']);
  });

  it('rejects a PUT into a missing resource group with ResourceGroupNotFound', async () => {
    const res = await client.arm('PUT', connectorPath(DEMO.prodSub, 'rg-nope'), { body: dockerHubConnectorBody() });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('ResourceGroupNotFound');
  });

  it.each([
    ['missing environmentType', (b: any) => delete b.properties.environmentData.environmentType, 'properties.environmentData.environmentType'],
    ['wrong environmentName enum', (b: any) => { b.properties.environmentName = 'Dockerhub'; }, 'properties.environmentName'],
    ['non-integer scanInterval', (b: any) => { b.properties.environmentData.scanInterval = 1.5; }, 'properties.environmentData.scanInterval'],
    ['unknown authenticationType', (b: any) => { b.properties.environmentData.authentication.authenticationType = 'Password'; }, 'properties.environmentData.authentication.authenticationType'],
  ])('rejects a spec-violating body (%s) with 400 InvalidRequestContent naming the property', async (_n, mutate, property) => {
    const body = dockerHubConnectorBody();
    mutate(body);
    const res = await client.arm('PUT', connectorPath(), { body });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('InvalidRequestContent');
    expect(res.json.error.message).toContain(property);
    expect(res.json.error.details.map((d: any) => d.target)).toContain(property);
    expect((await client.arm('GET', connectorPath())).status).toBe(404);
  });

  it('rejects an unknown api-version the way ARM does, and a real-but-unemulated one clearly', async () => {
    const unknown = await client.arm('GET', connectorPath(), { apiVersion: '2020-01-01' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe('NoRegisteredProviderFound');
    expect(unknown.json.error.message).toContain('2024-08-01-preview');
    const old = await client.arm('GET', connectorPath(), { apiVersion: '2021-07-01-preview' });
    expect(old.json.error.code).toBe('EmulatorUnsupportedApiVersion');
    const missing = await client.request('GET', connectorPath(), {
      headers: { Authorization: `Bearer ${await client.armToken()}` },
    });
    expect(missing.json.error.code).toBe('MissingApiVersionParameter');
  });

  it('sets request ids on every response and echoes the client request id', async () => {
    const res = await client.arm('GET', connectorPath(), { headers: { 'x-ms-client-request-id': 'abc-123' } });
    expect(res.headers['x-ms-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-ms-correlation-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-ms-client-request-id']).toBe('abc-123');
    const unauth = await client.request('GET', `${connectorPath()}?api-version=2024-08-01-preview`);
    expect(unauth.headers['x-ms-request-id']).toBeDefined();
  });

  it('logs method, path and status but never bodies or tokens', async () => {
    await client.arm('PUT', connectorPath(), { body: dockerHubConnectorBody() });
    const log = emu.state().requestLog;
    expect(log).toContainEqual(expect.objectContaining({ method: 'PUT', path: connectorPath(), status: 201 }));
    expect(JSON.stringify(emu.state())).not.toContain(DEMO.acmeRead);
  });
});
