// Reads Azure Resource Manager state from the emulator the way any ARM client would: a token from
// the emulated Entra endpoint for the demo principal, then REST calls over TLS with its CA.
import { request } from 'node:https';

const TENANT = '00000000-0000-0000-0000-000000000000';
const CLIENT_ID = '11111111-1111-1111-1111-111111111111';
const CLIENT_SECRET = 'emulator-demo-client-secret-not-real';

function call(
  url: string,
  ca: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  } = {},
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: init.method ?? 'GET', headers: init.headers, ca },
      res => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', chunk => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text ? JSON.parse(text) : undefined,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

async function armToken(emulatorUrl: string, ca: string): Promise<string> {
  const token = await call(`${emulatorUrl}/${TENANT}/oauth2/v2.0/token`, ca, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      scope: 'https://management.azure.com/.default',
    }).toString(),
  });
  if (token.status !== 200)
    throw new Error(`token endpoint answered ${token.status}`);
  return token.body.access_token;
}

/** Status codes of a connector's health reports (`Healthy`, `NotHealthy`, ...). */
export async function healthStatuses(
  emulatorUrl: string,
  ca: string,
  connectorId: string,
): Promise<string[]> {
  const res = await call(
    `${emulatorUrl}${connectorId}/providers/Microsoft.Security/healthReports?api-version=2023-05-01-preview`,
    ca,
    { headers: { authorization: `Bearer ${await armToken(emulatorUrl, ca)}` } },
  );
  if (res.status !== 200)
    throw new Error(`ARM health reports answered ${res.status}`);
  return res.body.value.map((r: any) => r.properties?.status?.code);
}

export async function listConnectors(
  emulatorUrl: string,
  ca: string,
  subscriptionId: string,
): Promise<
  Array<{ id: string; properties?: { hierarchyIdentifier?: string } }>
> {
  const res = await call(
    `${emulatorUrl}/subscriptions/${subscriptionId}/providers/Microsoft.Security/securityConnectors?api-version=2024-08-01-preview`,
    ca,
    { headers: { authorization: `Bearer ${await armToken(emulatorUrl, ca)}` } },
  );
  if (res.status !== 200) throw new Error(`ARM list answered ${res.status}`);
  return res.body.value;
}
