import { IncomingMessage, ServerResponse } from 'node:http';
import {
  armError,
  resourceGroupNotFound,
  resourceNotFound,
} from '../arm/armErrors';
import {
  armHeaders,
  armRouteNames,
  handleArm,
  matchArm,
} from '../arm/handleArm';
import { PERMISSIONS_ROUTE_NAMES } from '../arm/permissionHandlers';
import { handleHub, hubRouteNames, matchHub } from '../dockerhub/handleHub';
import { handleRegistryToken } from '../dockerhub/handleRegistryToken';
import { ENTRA_PATH, entraRouteNames, handleEntra } from '../entra/handleEntra';
import { FaultSpec } from '../faults/FaultInjector';
import { verifyJwt } from '../util/jwt';
import { EmulatorCore } from './EmulatorCore';
import { logRequest, RequestContext, send, Surface } from './RequestContext';

const MAX_BODY = 1024 * 1024;
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function classify(ctx: RequestContext): { surface: Surface; names: string[] } {
  const { path } = ctx;
  if (path === '/token')
    return { surface: 'registry', names: ['registryToken', 'token'] };
  if (path.startsWith('/v2/')) {
    const m = matchHub(ctx);
    return { surface: 'hub', names: m ? hubRouteNames(m.id) : ['dockerHub'] };
  }
  if (ENTRA_PATH.test(path))
    return { surface: 'entra', names: entraRouteNames(path) };
  const m = matchArm(ctx);
  if (!m) return { surface: 'arm', names: ['arm'] };
  if (m.unspecified === 'providers')
    return { surface: 'arm', names: ['providers', 'arm'] };
  if (m.unspecified === 'permissions')
    return { surface: 'arm', names: [...PERMISSIONS_ROUTE_NAMES, 'arm'] };
  return { surface: 'arm', names: [...armRouteNames(m.op.id), 'arm'] };
}

/** A 403 fault on ARM, in ARM's AuthorizationFailed wording (client ids from the bearer token when it is ours). */
function faultAuthorizationFailed(ctx: RequestContext) {
  const bearer = /^Bearer\s+(\S+)$/i.exec(
    ctx.req.headers.authorization ?? '',
  )?.[1];
  const claims = bearer ? verifyJwt(bearer, ctx.core.entraKey) : undefined;
  const principal = ctx.core.state.principals.find(
    p => p.clientId === claims?.appid,
  );
  const action = ctx.routeNames.includes('permissions')
    ? 'Microsoft.Authorization/permissions/read'
    : `${ctx.method} ${ctx.path}`;
  return armError(
    ctx,
    403,
    'AuthorizationFailed',
    `The client '${
      principal?.clientId ?? claims?.appid ?? 'unknown'
    }' with object id '${
      principal?.objectId ?? claims?.oid ?? 'unknown'
    }' does not have authorization to perform action '${action}' over scope '${
      ctx.path
    }' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}

const STATUS_TEXT: Record<number, string> = {
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad Gateway',
  503: 'Service unavailable',
  504: 'Gateway Timeout',
};

const RESOURCE_IN_GROUP =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+)\/([^/]+)\/([^/]+)/i;
const GROUP = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)/i;
const SUBSCRIPTION = /^\/subscriptions\/([^/]+)/i;

/** Who answers behind ARM: the namespace the gateway forwarded to. */
function armNamespace(ctx: RequestContext) {
  if (ctx.routeNames.includes('providers')) return 'Microsoft.Resources';
  return /\/providers\/([^/]+)/i.exec(ctx.path)?.[1] ?? 'Microsoft.Resources';
}

/** 404 in the wording ARM uses for the resource (group) the path names. */
function armNotFound(ctx: RequestContext) {
  const resource = RESOURCE_IN_GROUP.exec(ctx.path);
  if (resource) {
    const [, , rg, namespace, type, name] = resource;
    return resourceNotFound(ctx, `${namespace}/${type}`, name, rg);
  }
  const group = GROUP.exec(ctx.path);
  if (group) return resourceGroupNotFound(ctx, group[2]);
  return armError(
    ctx,
    404,
    'NotFound',
    `The resource '${ctx.path}' was not found.`,
  );
}

/**
 * 409 on a write: a lock, the conflict every ARM write can meet. ARM's ScopeLocked wording; the
 * lock sits on the resource group (or the subscription when the path has none).
 */
function armConflict(ctx: RequestContext) {
  if (['PUT', 'PATCH', 'DELETE'].includes(ctx.method)) {
    const lock =
      (GROUP.exec(ctx.path) ?? SUBSCRIPTION.exec(ctx.path))?.[0] ?? '/';
    return armError(
      ctx,
      409,
      'ScopeLocked',
      `The scope '${ctx.path}' cannot perform ${
        ctx.method === 'DELETE' ? 'delete' : 'write'
      } operation because following scope(s) are locked: '${lock}'. Please remove the lock and try again.`,
    );
  }
  return armError(
    ctx,
    409,
    'Conflict',
    `The request conflicts with the current state of '${ctx.path}'.`,
  );
}

/** What a gateway in front of Docker Hub answers when the service behind it fails: HTML, not JSON. */
function gatewayPage(
  ctx: RequestContext,
  status: number,
  headers: Record<string, string>,
) {
  const title = `${status} ${STATUS_TEXT[status]}`;
  return send(
    ctx,
    status,
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`,
    { 'Content-Type': 'text/html', ...headers },
  );
}

/** A status fault answered in the error shape of the surface it hits. */
function faultResponse(ctx: RequestContext, fault: FaultSpec) {
  const status = fault.status ?? 503;
  const headers: Record<string, string> =
    fault.retryAfterSeconds !== undefined
      ? { 'Retry-After': String(fault.retryAfterSeconds) }
      : {};
  const text = STATUS_TEXT[status];
  switch (ctx.surface) {
    case 'arm': {
      if (!ctx.headers['x-ms-request-id']) armHeaders(ctx);
      if (fault.quoteRequestBody) {
        return armError(
          ctx,
          status,
          'InvalidRequestContent',
          `The request content was invalid and could not be deserialized: '${ctx.rawBody
            .toString('utf8')
            .slice(0, 4000)}'.`,
          { headers },
        );
      }
      if (status === 403) return faultAuthorizationFailed(ctx);
      if (status === 404) return armNotFound(ctx);
      if (status === 409) return armConflict(ctx);
      const namespace = armNamespace(ctx);
      const [code, message] = {
        429: [
          'TooManyRequests',
          'The request is being throttled as the limit has been reached for operation type. Please retry after the time specified in the Retry-After header.',
        ],
        500: ['InternalServerError', `${text}. Please retry the request.`],
        502: [
          'BadGateway',
          `The gateway did not receive a valid response from '${namespace}'. Please retry the request.`,
        ],
        503: ['ServiceUnavailable', `${text}. Please retry the request.`],
        504: [
          'GatewayTimeout',
          `The gateway did not receive a response from '${namespace}' within the specified time period.`,
        ],
      }[status as 429 | 500 | 502 | 503 | 504];
      return armError(ctx, status, code, message, { headers });
    }
    case 'entra':
      return send(
        ctx,
        status,
        status >= 500 || status === 429
          ? {
              error: 'temporarily_unavailable',
              error_description: `${text}. Please retry the request.`,
            }
          : { error: 'invalid_request', error_description: `${text}.` },
        headers,
      );
    case 'hub':
      if (status === 502 || status === 504)
        return gatewayPage(ctx, status, headers);
      if (status === 429)
        return send(
          ctx,
          status,
          { detail: 'Rate limit exceeded', error: false },
          headers,
        );
      if (status === 404)
        return send(
          ctx,
          status,
          { detail: 'object not found', message: 'object not found' },
          headers,
        );
      return send(ctx, status, { detail: text, message: text }, headers);
    default:
      if (status === 502 || status === 504)
        return gatewayPage(ctx, status, headers);
      return send(ctx, status, { details: text }, headers);
  }
}

export async function handleRequest(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const url = new URL(req.url ?? '/', core.url);
  const ctx: RequestContext = {
    core,
    req,
    res,
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    path: url.pathname,
    query: url.searchParams,
    rawBody: Buffer.alloc(0),
    surface: 'arm',
    routeNames: [],
    headers: {},
    staleEtag: false,
    responded: false,
    appliedFaults: [],
  };
  try {
    ctx.rawBody = await readBody(req);
    const { surface, names } = classify(ctx);
    ctx.surface = surface;
    ctx.routeNames = names;
    for (const fault of core.faults.take(ctx.method, ctx.path, names)) {
      ctx.appliedFaults.push(
        fault.kind === 'status' ? `status ${fault.status}` : fault.kind,
      );
      if (fault.kind === 'latency') await sleep(fault.latencyMs ?? 1000);
      else if (fault.kind === 'slowBody')
        ctx.slowBodyMs = fault.latencyMs ?? 1000;
      else if (fault.kind === 'staleEtag') ctx.staleEtag = true;
      else if (fault.kind === 'redirect') {
        // Outside the specs on purpose (no route declares a 3xx): written as is, unvalidated.
        logRequest(ctx, 307);
        ctx.responded = true;
        res.writeHead(307, {
          Location: fault.location ?? `https://redirected.invalid${ctx.path}`,
          'Content-Length': '0',
        });
        res.end();
        return;
      } else if (fault.kind === 'reset') {
        logRequest(ctx, 0);
        ctx.responded = true;
        req.socket.destroy();
        return;
      } else {
        await faultResponse(ctx, fault);
        return;
      }
    }
    if (surface === 'registry') await handleRegistryToken(ctx);
    else if (surface === 'hub') await handleHub(ctx);
    else if (surface === 'entra') await handleEntra(ctx);
    else await handleArm(ctx);
  } catch (e) {
    // Never the body: it may hold tokens.
    process.stderr.write(
      `azure-dockerhub-emulator: ${ctx.method} ${ctx.path} failed: ${
        (e as Error).stack
      }\n`,
    );
    if (!ctx.responded && !res.headersSent) {
      await send(ctx, 500, {
        error: {
          code: 'InternalServerError',
          message: 'The emulator failed to handle the request.',
        },
      });
    }
  }
}
