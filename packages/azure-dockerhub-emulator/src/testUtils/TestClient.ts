import https from 'node:https';
import { IncomingHttpHeaders } from 'node:http';
import type { Emulator } from '../startEmulator';
import { loadSpecs } from '../startEmulator';
import { responseViolations as checkResponse } from '../spec/responseViolations';

export interface TestResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: any;
}

export interface RequestOptions {
  body?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Skip the response-spec check (only for deliberately broken exchanges such as resets). */
  skipValidation?: boolean;
}

/** `responseViolations` of the emulator's specs, for a response the TestClient received. */
export function responseViolations(
  method: string,
  pathname: string,
  response: TestResponse,
): string[] {
  return checkResponse(loadSpecs(), method, pathname, {
    status: response.status,
    contentType: response.headers['content-type'],
    text: response.text,
    json: response.json,
  });
}

export const DEMO = {
  tenantId: '00000000-0000-0000-0000-000000000000',
  clientId: '11111111-1111-1111-1111-111111111111',
  clientSecret: 'emulator-demo-client-secret-not-real',
  readerClientId: '22222222-2222-2222-2222-222222222222',
  readerSecret: 'emulator-reader-client-secret-not-real',
  prodSub: 'aaaaaaaa-0000-0000-0000-000000000001',
  sandboxSub: 'bbbbbbbb-0000-0000-0000-000000000002',
  unregisteredSub: 'cccccccc-0000-0000-0000-000000000003',
  rg: 'rg-defender-connectors',
  acmeRead: 'dckr_pat_EMULATOR0acmeReadOnlyFAKE01',
  acmePublicRead: 'dckr_pat_EMULATOR0acmePublicReadFAKE1',
  acmeExpired: 'dckr_pat_EMULATOR0acmeExpiredFAKE0001',
  globexWrite: 'dckr_pat_EMULATOR0globexWriteFAKE001',
  initechRevoked: 'dckr_pat_EMULATOR0initechRevokedFAKE1',
  initechRotated: 'dckr_pat_EMULATOR0initechRotatedFAKE1',
  outsiderRead: 'dckr_pat_EMULATOR0outsiderReadFAKE01',
  umbrellaRead: 'dckr_pat_EMULATOR0umbrellaReadFAKE01',
  jdoeAdmin: 'dckr_pat_EMULATOR0jdoeAdminFAKE00001',
  acmeOat: 'dckr_oat_EMULATOR0acmeOrgTokenFAKE01',
};

export const CONNECTOR_API = '2024-08-01-preview';
export const HEALTH_API = '2023-05-01-preview';
export const ENTRA_TOKEN_PATH = `/${DEMO.tenantId}/oauth2/v2.0/token`;

export function connectorPath(
  sub = DEMO.prodSub,
  rg = DEMO.rg,
  name = 'dockerhub-acme',
) {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Security/securityConnectors/${name}`;
}

export function dockerHubConnectorBody(
  org = 'acme',
  username = 'mdc-acme',
  accessToken = DEMO.acmeRead,
) {
  return {
    location: 'westeurope',
    tags: {},
    properties: {
      hierarchyIdentifier: org,
      environmentName: 'DockerHub',
      environmentData: {
        environmentType: 'DockerHubOrganization',
        authentication: {
          authenticationType: 'AccessToken',
          username,
          accessToken,
        },
        scanInterval: 24,
      },
      offerings: [
        { offeringType: 'CspmMonitorDockerHub' },
        { offeringType: 'DefenderForContainersDockerHub' },
      ],
    },
  };
}

/**
 * HTTPS client for the emulator's own tests. Every response is validated against the schemas of
 * its route (`responseViolations`), so every test also checks the emulator's answers.
 */
export class TestClient {
  // Made on the first request: useEmulator builds its client before the emulator (and its CA) exists.
  private agent: https.Agent | undefined;
  private readonly tokens = new Map<string, string>();

  constructor(private readonly emu: Emulator) {}

  close() {
    this.agent?.destroy();
    this.agent = undefined;
  }

  /** Drop cached ARM tokens (after advancing the emulator clock past their expiry). */
  forgetTokens() {
    this.tokens.clear();
  }

  request(
    method: string,
    target: string,
    options: RequestOptions = {},
  ): Promise<TestResponse> {
    const url = new URL(target, this.emu.url);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...options.headers,
    };
    let payload: Buffer | undefined;
    if (options.form) {
      payload = Buffer.from(new URLSearchParams(options.form).toString());
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    } else if (options.body !== undefined) {
      payload = Buffer.from(
        typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
      );
      headers['Content-Type'] = 'application/json';
    }
    return new Promise((resolve, reject) => {
      const req = https.request(
        url,
        {
          method,
          headers,
          agent: (this.agent ??= new https.Agent({
            ca: this.emu.caPem,
            keepAlive: true,
            maxSockets: 8,
          })),
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: any;
            try {
              json = text ? JSON.parse(text) : undefined;
            } catch {
              json = undefined;
            }
            const response = {
              status: res.statusCode ?? 0,
              headers: res.headers,
              text,
              json,
            };
            try {
              if (!options.skipValidation) this.validate(method, url, response);
              resolve(response);
            } catch (e) {
              reject(e);
            }
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  private validate(method: string, url: URL, response: TestResponse) {
    const issues = responseViolations(method, url.pathname, response);
    if (issues.length) {
      throw new Error(
        `Response of ${method} ${url.pathname} (${
          response.status
        }) is invalid:\n${issues.map(i => `  ${i}`).join('\n')}`,
      );
    }
  }

  /** The client-credentials grant for ARM, as @azure/identity sends it, whatever it answers. */
  entraToken(
    clientId = DEMO.clientId,
    clientSecret = DEMO.clientSecret,
  ): Promise<TestResponse> {
    return this.request('POST', ENTRA_TOKEN_PATH, {
      form: {
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
        scope: 'https://management.azure.com/.default',
      },
    });
  }

  async armToken(
    clientId = DEMO.clientId,
    clientSecret = DEMO.clientSecret,
  ): Promise<string> {
    const cached = this.tokens.get(clientId);
    if (cached) return cached;
    const res = await this.entraToken(clientId, clientSecret);
    if (res.status !== 200)
      throw new Error(`token request failed: ${res.status} ${res.text}`);
    this.tokens.set(clientId, res.json.access_token);
    return res.json.access_token;
  }

  async arm(
    method: string,
    path: string,
    options: RequestOptions & {
      apiVersion?: string;
      clientId?: string;
      clientSecret?: string;
    } = {},
  ): Promise<TestResponse> {
    const token = await this.armToken(options.clientId, options.clientSecret);
    const target = path.startsWith('https://')
      ? path
      : `${path}${path.includes('?') ? '&' : '?'}api-version=${
          options.apiVersion ?? CONNECTOR_API
        }`;
    return this.request(method, target, {
      ...options,
      headers: { Authorization: `Bearer ${token}`, ...options.headers },
    });
  }

  /** PUT a Docker Hub connector: acme's, at its demo path, unless told otherwise. */
  putConnector(
    path = connectorPath(),
    body: unknown = dockerHubConnectorBody(),
  ): Promise<TestResponse> {
    return this.arm('PUT', path, { body });
  }

  /** A Resource Graph query (over the production subscription unless told otherwise), at the api-version the emulator ships. */
  resourceGraph(body: {
    query: string;
    subscriptions?: string[];
    options?: Record<string, unknown>;
  }): Promise<TestResponse> {
    return this.arm('POST', '/providers/Microsoft.ResourceGraph/resources', {
      apiVersion: '2024-04-01',
      body: { subscriptions: [DEMO.prodSub], ...body },
    });
  }

  /** The registry token service, asked for `scope` with Basic credentials, as docker login does. */
  registryToken(scope: string, user: string, secret: string) {
    const basic = Buffer.from(`${user}:${secret}`).toString('base64');
    return this.request(
      'GET',
      `/token?service=registry.docker.io&scope=${encodeURIComponent(scope)}`,
      { headers: { Authorization: `Basic ${basic}` } },
    );
  }

  /** Docker Hub's login with whatever body a test sends, and whatever it answers. */
  hubAuthToken(body: { identifier?: string; secret?: string }) {
    return this.request('POST', '/v2/auth/token', { body });
  }

  async hubJwt(identifier: string, secret: string): Promise<string> {
    const res = await this.hubAuthToken({ identifier, secret });
    if (res.status !== 200) throw new Error(`hub login failed: ${res.status}`);
    return res.json.access_token;
  }
}
