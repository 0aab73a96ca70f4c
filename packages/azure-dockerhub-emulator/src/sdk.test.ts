import { SecurityCenter } from '@azure/arm-security';
import {
  createHttpHeaders,
  createPipelineRequest,
} from '@azure/core-rest-pipeline';
import { ClientSecretCredential } from '@azure/identity';
import { Emulator, startEmulator } from './startEmulator';
import {
  connectorPath,
  DEMO,
  dockerHubConnectorBody,
} from './testUtils/TestClient';
import { trustedClientOptions } from './trustedClientOptions';

/** The real @azure/arm-security pipeline (bearer policy, retries, request ids) against the emulator. */
describe('@azure/arm-security SecurityCenter + @azure/identity against the emulator', () => {
  let emu: Emulator;
  let client: SecurityCenter;

  const send = async (
    method: 'GET' | 'PUT' | 'DELETE',
    urlOrPath: string,
    body?: unknown,
  ) => {
    const url = urlOrPath.startsWith('https://')
      ? urlOrPath
      : `${emu.urls.arm}${urlOrPath}?api-version=2024-08-01-preview`;
    const request = createPipelineRequest({
      url,
      method,
      headers: createHttpHeaders({
        Accept: 'application/json',
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const response = await client.sendRequest(request);
    return {
      request,
      response,
      json: response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined,
    };
  };

  beforeAll(async () => {
    emu = await startEmulator();
    const tls = trustedClientOptions(emu);
    const credential = new ClientSecretCredential(
      DEMO.tenantId,
      DEMO.clientId,
      DEMO.clientSecret,
      {
        authorityHost: emu.urls.authorityHost,
        disableInstanceDiscovery: true,
        ...tls,
      },
    );
    client = new SecurityCenter(credential, DEMO.prodSub, {
      endpoint: emu.urls.arm,
      ...tls,
      retryOptions: { maxRetries: 3, retryDelayInMs: 5, maxRetryDelayInMs: 20 },
    });
  });
  afterAll(() => emu.stop());

  it('puts, gets, lists and deletes a Docker Hub connector, retrying an injected 503', async () => {
    emu.injectFault({
      route: 'PUT securityConnectors',
      kind: 'status',
      status: 503,
      times: 1,
    });
    const put = await send('PUT', connectorPath(), dockerHubConnectorBody());
    expect(put.response.status).toBe(201);
    // The demo scenario echoes the token, as the spec allows: the SDK passes it through untouched.
    expect(put.json.properties.environmentData.authentication.accessToken).toBe(
      DEMO.acmeRead,
    );
    expect(put.response.headers.get('x-ms-client-request-id')).toBe(
      put.request.requestId,
    );
    expect(put.response.headers.get('x-ms-request-id')).toBeTruthy();
    const puts = emu.state().requestLog.filter(e => e.method === 'PUT');
    expect(puts.map(e => e.status)).toEqual([503, 201]);
    // The credential went through the emulated Entra endpoint.
    expect(
      emu
        .state()
        .requestLog.some(
          e => e.path.endsWith('/oauth2/v2.0/token') && e.status === 200,
        ),
    ).toBe(true);

    const get = await send('GET', connectorPath());
    expect(get.json.properties.hierarchyIdentifier).toBe('acme');
    const list = await send(
      'GET',
      `/subscriptions/${DEMO.prodSub}/providers/Microsoft.Security/securityConnectors`,
    );
    expect(list.json.value.map((c: any) => c.name)).toContain('dockerhub-acme');
    expect((await send('DELETE', connectorPath())).response.status).toBe(200);
    expect((await send('GET', connectorPath())).response.status).toBe(404);
  });

  it('rejects a spec-violating connector the way ARM would', async () => {
    const body = dockerHubConnectorBody() as any;
    body.properties.environmentData.scanInterval = '24h';
    const res = await send('PUT', connectorPath(), body);
    expect(res.response.status).toBe(400);
    expect(res.json.error.code).toBe('InvalidRequestContent');
    expect(res.json.error.message).toContain(
      'properties.environmentData.scanInterval',
    );
  });

  it('reaches the generated operations of 5.0.0 through `endpoint`, and refuses their api-version without a spec', async () => {
    // pricings.get sends 2022-03-01, for which no spec is shipped: answering it would be a guess.
    const error = await client.pricings.get('Containers').catch(e => e);
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'EmulatorUnsupportedApiVersion',
    });
    expect(emu.state().requestLog.slice(-1)[0]).toMatchObject({
      method: 'GET',
      path: `/subscriptions/${DEMO.prodSub}/providers/Microsoft.Security/pricings/Containers`,
      status: 400,
    });
  });
});
