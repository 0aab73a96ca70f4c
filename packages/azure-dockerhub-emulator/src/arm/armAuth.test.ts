import { DEMO_SCENARIO } from '../startEmulator';
import {
  CONNECTOR_API,
  connectorPath,
  DEMO,
  ENTRA_TOKEN_PATH,
} from '../testUtils/TestClient';
import { useEmulator } from '../testUtils/useEmulator';
import { decodeJwtPayload } from '../util/jwt';

describe('Entra token endpoint, ARM authentication and authorization', () => {
  const { emu, client } = useEmulator({}, { reloadBeforeEach: DEMO_SCENARIO });

  it('serves OpenID metadata for the tenant and issues app tokens with oid/appid/tid/aud/exp', async () => {
    const meta = await client.request(
      'GET',
      `/${DEMO.tenantId}/v2.0/.well-known/openid-configuration`,
    );
    expect(meta.json.token_endpoint).toBe(`${emu.url}${ENTRA_TOKEN_PATH}`);
    const res = await client.entraToken();
    expect(res.status).toBe(200);
    const claims = decodeJwtPayload(res.json.access_token) as any;
    expect(claims).toMatchObject({
      appid: DEMO.clientId,
      tid: DEMO.tenantId,
      aud: 'https://management.azure.com',
    });
    expect(claims.oid).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims.exp).toBeGreaterThan(claims.iat);
  });

  it('answers a wrong secret with AADSTS7000215 invalid_client and an unknown tenant with AADSTS90002', async () => {
    const wrong = await client.entraToken(DEMO.clientId, 'nope');
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toBe('invalid_client');
    expect(wrong.json.error_description).toMatch(/^AADSTS7000215:/);
    const tenant = await client.request(
      'GET',
      '/99999999-0000-0000-0000-000000000000/v2.0/.well-known/openid-configuration',
    );
    expect(tenant.json.error_codes).toEqual([90002]);
  });

  it('answers missing, invalid and expired bearer tokens with 401 and WWW-Authenticate', async () => {
    const url = `${connectorPath()}?api-version=${CONNECTOR_API}`;
    const missing = await client.request('GET', url);
    expect(missing.status).toBe(401);
    expect(missing.json.error.code).toBe('AuthenticationFailed');
    expect(missing.headers['www-authenticate']).toContain(
      'Bearer authorization_uri=',
    );
    const forged = await client.request('GET', url, {
      headers: { Authorization: 'Bearer abc.def.ghi' },
    });
    expect(forged.json.error.code).toBe('InvalidAuthenticationToken');
    const token = await client.armToken();
    emu.advanceTime(2 * 3600_000);
    const expired = await client.request('GET', url, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(expired.status).toBe(401);
    expect(expired.json.error.code).toBe('ExpiredAuthenticationToken');
  });

  it("lets a Reader read but not write, with ARM's AuthorizationFailed message", async () => {
    const path = connectorPath(DEMO.sandboxSub, 'rg-sandbox', 'dockerhub-acme');
    expect((await client.arm('GET', path)).status).toBe(404);
    const put = await client.putConnector(path);
    expect(put.status).toBe(403);
    expect(put.json.error.code).toBe('AuthorizationFailed');
    expect(put.json.error.message).toMatch(
      new RegExp(
        `^The client '${DEMO.clientId}' with object id '[0-9a-f-]{36}' does not have authorization to perform action 'Microsoft.Security/securityConnectors/write' over scope '${path}' or the scope is invalid\\. If access was recently granted, please refresh your credentials\\.$`,
      ),
    );
  });

  it('refuses reads without any role, and unknown subscriptions', async () => {
    const noRole = await client.arm(
      'GET',
      connectorPath(DEMO.sandboxSub, 'rg-sandbox'),
      {
        clientId: DEMO.readerClientId,
        clientSecret: DEMO.readerSecret,
      },
    );
    expect(noRole.status).toBe(403);
    const unknown = await client.arm(
      'GET',
      connectorPath('dddddddd-0000-0000-0000-000000000000'),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('SubscriptionNotFound');
  });

  it('answers MissingSubscriptionRegistration until Microsoft.Security is registered', async () => {
    const path = connectorPath(DEMO.unregisteredSub, 'rg-new-team');
    const before = await client.arm('GET', path);
    expect(before.status).toBe(409);
    expect(before.json.error.code).toBe('MissingSubscriptionRegistration');
    const provider = `/subscriptions/${DEMO.unregisteredSub}/providers/Microsoft.Security`;
    expect(
      (await client.arm('GET', provider, { apiVersion: '2021-04-01' })).json
        .registrationState,
    ).toBe('NotRegistered');
    const reg = await client.arm('POST', `${provider}/register`, {
      apiVersion: '2025-04-01',
    });
    expect(reg.json.registrationState).toBe('Registering');
    emu.advanceTime(60_000);
    expect(
      (await client.arm('GET', provider, { apiVersion: '2021-04-01' })).json
        .registrationState,
    ).toBe('Registered');
    expect((await client.arm('GET', path)).status).toBe(404);
  });
});
