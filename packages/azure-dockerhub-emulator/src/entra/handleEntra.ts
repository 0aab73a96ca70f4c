import { RequestContext, send } from '../server/RequestContext';
import { signJwt } from '../util/jwt';

export const ENTRA_PATH =
  /^\/(common\/discovery\/instance|[^/]+\/v2\.0\/\.well-known\/openid-configuration|[^/]+\/oauth2\/v2\.0\/token|[^/]+\/discovery\/v2\.0\/keys)$/i;

export function entraRouteNames(path: string): string[] {
  if (/openid-configuration$/i.test(path))
    return ['openidConfiguration', 'entra'];
  if (/oauth2\/v2\.0\/token$/i.test(path)) return ['entraToken', 'entra'];
  return ['entraDiscovery', 'entra'];
}

/** Entra's OAuth error body: AADSTS code in the description, trace and correlation ids. */
function oauthError(
  ctx: RequestContext,
  status: number,
  error: string,
  code: number,
  text: string,
) {
  const traceId = ctx.core.random.uuid();
  const correlationId = ctx.core.random.uuid();
  const timestamp = new Date(ctx.core.now())
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return send(ctx, status, {
    error,
    error_description: `AADSTS${code}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${ctx.core.url}/error?code=${code}`,
  });
}

function openIdConfiguration(base: string, tenant: string) {
  return {
    token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: [
      'client_secret_post',
      'private_key_jwt',
      'client_secret_basic',
    ],
    jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: [
      'code',
      'id_token',
      'code id_token',
      'id_token token',
    ],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/${tenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${base}/oidc/userinfo`,
    authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'tid',
      'oid',
      'appid',
    ],
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

function tenantMatches(ctx: RequestContext, tenant: string) {
  return tenant.toLowerCase() === ctx.core.state.tenantId.toLowerCase();
}

async function unknownTenant(ctx: RequestContext, tenant: string) {
  return oauthError(
    ctx,
    400,
    'invalid_tenant',
    90002,
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
  );
}

/**
 * The part of Microsoft Entra ID that MSAL (through @azure/identity's ClientSecretCredential with
 * `authorityHost` = the emulator and `disableInstanceDiscovery: true`) calls: OpenID metadata,
 * then the v2.0 token endpoint with the client credentials grant.
 */
export async function handleEntra(ctx: RequestContext): Promise<void> {
  const { path, core } = ctx;
  const tenant = path.split('/')[1];
  if (/\/common\/discovery\/instance$/i.test(path)) {
    return send(ctx, 200, {
      tenant_discovery_endpoint: `${core.url}/${core.state.tenantId}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [
        {
          preferred_network: new URL(core.url).host,
          preferred_cache: new URL(core.url).host,
          aliases: [new URL(core.url).host],
        },
      ],
    });
  }
  if (/openid-configuration$/i.test(path)) {
    if (ctx.method !== 'GET') {
      return send(ctx, 405, {
        error: 'invalid_request',
        error_description: `The endpoint only accepts GET requests. Received a ${ctx.method} request.`,
      });
    }
    if (!tenantMatches(ctx, tenant)) return unknownTenant(ctx, tenant);
    return send(ctx, 200, openIdConfiguration(core.url, tenant));
  }
  if (/discovery\/v2\.0\/keys$/i.test(path)) {
    // Access tokens are HS256 with a per-run secret: nothing public to publish.
    return send(ctx, 200, { keys: [] });
  }
  if (ctx.method !== 'POST') {
    // Entra's own answer to anything but POST on the token endpoint.
    return send(ctx, 405, {
      error: 'invalid_request',
      error_description: `AADSTS900561: The endpoint only accepts POST, OPTIONS requests. Received a ${ctx.method} request.`,
    });
  }
  if (!tenantMatches(ctx, tenant)) return unknownTenant(ctx, tenant);
  const form = new URLSearchParams(ctx.rawBody.toString('utf8'));
  let clientId = form.get('client_id') ?? '';
  let clientSecret = form.get('client_secret') ?? '';
  const basic = /^Basic\s+(.+)$/i.exec(ctx.req.headers.authorization ?? '');
  if (basic) {
    const [id, ...secret] = Buffer.from(basic[1], 'base64')
      .toString('utf8')
      .split(':');
    clientId = decodeURIComponent(id);
    clientSecret = decodeURIComponent(secret.join(':'));
  }
  const grant = form.get('grant_type');
  if (grant !== 'client_credentials') {
    return oauthError(
      ctx,
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${
        grant ?? ''
      }'. The emulator supports client_credentials only.`,
    );
  }
  const principal = core.state.principals.find(
    p => p.clientId.toLowerCase() === clientId.toLowerCase(),
  );
  if (!principal) {
    return oauthError(
      ctx,
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  }
  if (!clientSecret || clientSecret !== principal.clientSecret) {
    return oauthError(
      ctx,
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${principal.clientId}'.`,
    );
  }
  const scope = (form.get('scope') ?? '')
    .split(' ')
    .find(s => s.endsWith('/.default'));
  if (!scope) {
    return oauthError(
      ctx,
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${
        form.get('scope') ?? ''
      } is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const now = Math.floor(core.now() / 1000);
  const lifetime = 3599;
  const accessToken = signJwt(
    {
      aud: scope.slice(0, -'/.default'.length),
      iss: `https://sts.windows.net/${core.state.tenantId}/`,
      iat: now,
      nbf: now,
      exp: now + lifetime,
      appid: principal.clientId,
      appidacr: '1',
      idp: `https://sts.windows.net/${core.state.tenantId}/`,
      idtyp: 'app',
      oid: principal.objectId,
      sub: principal.objectId,
      tid: core.state.tenantId,
      ver: '1.0',
    },
    core.entraKey,
  );
  return send(ctx, 200, {
    token_type: 'Bearer',
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: accessToken,
  });
}
