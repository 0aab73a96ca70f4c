import { armHeaders } from '../arm/armHeaders';
import {
  armError,
  resourceGroupNotFound,
  resourceNotFound,
} from '../arm/armErrors';
import type { FaultSpec } from '../faults/FaultInjector';
import { verifyJwt } from '../util/jwt';
import type { RequestContext } from './RequestContext';

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

/**
 * A status fault on ARM, in ARM's error wording for the status; `text` is the status's reason
 * phrase.
 */
export function armFaultResponse(
  ctx: RequestContext,
  fault: FaultSpec,
  status: number,
  headers: Record<string, string>,
  text: string,
) {
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
