import { RequestContext } from '../server/RequestContext';
import { SubscriptionState } from '../state/EmulatorState';
import {
  authenticateArm,
  authorizationFailed,
  canRead,
  canWrite,
} from './armAuth';
import type { ArmHandler } from './ArmCall';
import {
  armError,
  invalidSubscriptionId,
  subscriptionNotFound,
} from './armErrors';
import { healthReportHandlers } from './healthReportHandlers';
import { handlePermissions, PERMISSIONS_PATH } from './permissionHandlers';
import { pricingHandlers } from './pricingHandlers';
import {
  handleProviders,
  PROVIDER_PATH,
  refreshRegistration,
} from './providerHandlers';
import { resourceGraphHandlers } from './resourceGraphHandlers';
import { takeSubscriptionRead } from './remainingReads';
import { securityConnectorHandlers } from './securityConnectorHandlers';

interface OperationRules {
  handler: ArmHandler;
  /** RBAC action; `write` operations need a writing role. */
  action: string;
  write?: boolean;
  /** What Azure accepts for the type, quoted in NoRegisteredProviderFound. */
  azureApiVersions: string[];
  type: string;
}

// The api-versions Azure/azure-rest-api-specs publishes per type (specification/security, resourcegraph).
const CONNECTOR_VERSIONS = [
  '2021-07-01-preview',
  '2021-12-01-preview',
  '2022-05-01-preview',
  '2022-08-01-preview',
  '2023-03-01-preview',
  '2023-10-01-preview',
  '2024-03-01-preview',
  '2024-07-01-preview',
  '2024-08-01-preview',
];
const HEALTH_VERSIONS = ['2023-02-01-preview', '2023-05-01-preview'];
const PRICING_VERSIONS = [
  '2018-06-01',
  '2022-03-01',
  '2023-01-01',
  '2024-01-01',
];
const ARG_VERSIONS = ['2019-04-01', '2021-03-01', '2022-10-01', '2024-04-01'];

const connector = (
  handler: ArmHandler,
  verb: string,
  write = false,
): OperationRules => ({
  handler,
  action: `Microsoft.Security/securityConnectors/${verb}`,
  write,
  azureApiVersions: CONNECTOR_VERSIONS,
  type: 'securityConnectors',
});

export const ARM_OPERATIONS: Record<string, OperationRules> = {
  SecurityConnectors_List: connector(securityConnectorHandlers.list, 'read'),
  SecurityConnectors_ListByResourceGroup: connector(
    securityConnectorHandlers.list,
    'read',
  ),
  SecurityConnectors_Get: connector(securityConnectorHandlers.get, 'read'),
  SecurityConnectors_CreateOrUpdate: connector(
    securityConnectorHandlers.put,
    'write',
    true,
  ),
  SecurityConnectors_Update: connector(
    securityConnectorHandlers.patch,
    'write',
    true,
  ),
  SecurityConnectors_Delete: connector(
    securityConnectorHandlers.delete,
    'delete',
    true,
  ),
  HealthReports_List: {
    handler: healthReportHandlers.list,
    action: 'Microsoft.Security/healthReports/read',
    azureApiVersions: HEALTH_VERSIONS,
    type: 'healthReports',
  },
  HealthReports_Get: {
    handler: healthReportHandlers.get,
    action: 'Microsoft.Security/healthReports/read',
    azureApiVersions: HEALTH_VERSIONS,
    type: 'healthReports',
  },
  Pricings_Get: {
    handler: pricingHandlers.get,
    action: 'Microsoft.Security/pricings/read',
    azureApiVersions: PRICING_VERSIONS,
    type: 'pricings',
  },
  Pricings_List: {
    handler: pricingHandlers.list,
    action: 'Microsoft.Security/pricings/read',
    azureApiVersions: PRICING_VERSIONS,
    type: 'pricings',
  },
  Resources: {
    handler: resourceGraphHandlers.query,
    action: 'Microsoft.ResourceGraph/resources/read',
    azureApiVersions: ARG_VERSIONS,
    type: 'resources',
  },
};

/** Route names fault specs may use for an operation id. */
export function armRouteNames(operationId: string): string[] {
  const rules = ARM_OPERATIONS[operationId];
  const names = [operationId];
  if (rules) names.push(rules.type);
  if (operationId === 'Resources') names.push('resourceGraph');
  return names;
}

const SUBSCRIPTION_IN_SCOPE = /^\/?subscriptions\/([^/]+)/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function armHeaders(ctx: RequestContext) {
  const requestId = ctx.core.random.uuid();
  const incoming = ctx.req.headers;
  ctx.headers['x-ms-request-id'] = requestId;
  ctx.headers['x-ms-correlation-request-id'] =
    String(incoming['x-ms-correlation-request-id'] ?? '') || requestId;
  ctx.headers['x-ms-routing-request-id'] = `WESTEUROPE:${requestId}`;
  if (incoming['x-ms-client-request-id']) {
    ctx.headers['x-ms-client-request-id'] = String(
      incoming['x-ms-client-request-id'],
    );
  }
}

function parseBody(
  ctx: RequestContext,
): { ok: true; body: unknown } | { ok: false } {
  if (ctx.rawBody.length === 0) return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(ctx.rawBody.toString('utf8')) };
  } catch (e) {
    void armError(
      ctx,
      400,
      'InvalidRequestContent',
      `The request content was invalid and could not be deserialized: '${
        (e as Error).message
      }'.`,
    );
    return { ok: false };
  }
}

/** Routes served without a shipped spec: `providers` (Microsoft.Resources), `permissions` (Microsoft.Authorization). */
export function matchArm(ctx: RequestContext) {
  if (PROVIDER_PATH.test(ctx.path))
    return { unspecified: 'providers' as const };
  if (PERMISSIONS_PATH.test(ctx.path))
    return { unspecified: 'permissions' as const };
  const match = ctx.core.specs.match('azure', ctx.method, ctx.path);
  if (!match || !ARM_OPERATIONS[match.op.id]) return undefined;
  return { unspecified: undefined, ...match };
}

export async function handleArm(ctx: RequestContext): Promise<void> {
  armHeaders(ctx);
  const match = matchArm(ctx);
  if (!match) {
    await armError(
      ctx,
      404,
      'NotFound',
      `The emulator does not serve ${ctx.method} ${ctx.path} (see its README for the emulated routes).`,
    );
    return;
  }
  const principal = await authenticateArm(ctx);
  if (!principal) return;
  const apiVersion = ctx.query.get('api-version');
  if (!apiVersion) {
    await armError(
      ctx,
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.',
    );
    return;
  }
  if (match.unspecified === 'providers') {
    await handleProviders(ctx, principal, apiVersion);
    return;
  }
  if (match.unspecified === 'permissions') {
    await handlePermissions(ctx, principal, apiVersion);
    return;
  }
  const { op, params } = match;
  const rules = ARM_OPERATIONS[op.id];

  let subscription: SubscriptionState | undefined;
  const scopeText =
    params.subscriptionId ??
    params.scope ??
    params.resourceId ??
    params.scopeId;
  if (op.id !== 'Resources') {
    const subId =
      params.subscriptionId ?? SUBSCRIPTION_IN_SCOPE.exec(scopeText ?? '')?.[1];
    if (!subId || !GUID.test(subId)) {
      await invalidSubscriptionId(ctx, subId ?? String(scopeText));
      return;
    }
    subscription = ctx.core.state.subscriptions.get(subId.toLowerCase());
    if (!subscription) {
      await subscriptionNotFound(ctx, subId);
      return;
    }
    const allowed = rules.write
      ? canWrite(principal, subscription.id)
      : canRead(principal, subscription.id);
    if (!allowed) {
      await authorizationFailed(ctx, principal, rules.action, ctx.path);
      return;
    }
    refreshRegistration(subscription, ctx.core.now());
    if (subscription.registrationState !== 'Registered') {
      // The real error of an unregistered namespace (Learn: error-register-resource-provider).
      const message =
        "The subscription is not registered to use namespace 'Microsoft.Security'. See https://aka.ms/rps-not-found for how to register subscriptions.";
      await armError(ctx, 409, 'MissingSubscriptionRegistration', message, {
        details: [
          {
            code: 'MissingSubscriptionRegistration',
            target: 'Microsoft.Security',
            message,
          },
        ],
      });
      return;
    }
    if (ctx.method === 'GET') {
      ctx.headers['x-ms-ratelimit-remaining-subscription-reads'] = String(
        takeSubscriptionRead(subscription, ctx.core.now()),
      );
    }
  }

  if (apiVersion !== op.specVersion) {
    if (rules.azureApiVersions.includes(apiVersion)) {
      await armError(
        ctx,
        400,
        'EmulatorUnsupportedApiVersion',
        `Azure accepts api-version '${apiVersion}' for type '${rules.type}', but this emulator only validates and answers '${op.specVersion}' (the spec it ships).`,
      );
    } else {
      await armError(
        ctx,
        400,
        'NoRegisteredProviderFound',
        `No registered resource provider found for location 'westeurope' and API version '${apiVersion}' for type '${
          rules.type
        }'. The supported api-versions are '${rules.azureApiVersions.join(
          ', ',
        )}'. The supported locations are 'westeurope, northeurope, eastus, westus2, centralus, uksouth, australiaeast, japaneast'.`,
      );
    }
    return;
  }

  const parsed = parseBody(ctx);
  if (!parsed.ok) return;
  if (op.hasBody && parsed.body === undefined && op.bodyRequired) {
    await armError(
      ctx,
      400,
      'InvalidRequestContent',
      'The request content was invalid and could not be deserialized: the request body is missing.',
    );
    return;
  }
  const issues = ctx.core.specs.validateRequest(op.id, {
    path: params,
    query: ctx.query,
    body: parsed.body,
  });
  if (issues.length > 0) {
    const bodyIssues = issues.filter(i => i.location === 'body');
    const first = bodyIssues[0] ?? issues[0];
    const where =
      first.location === 'body'
        ? `Path '${first.name}'`
        : `Parameter '${first.name}'`;
    await armError(
      ctx,
      400,
      bodyIssues.length ? 'InvalidRequestContent' : 'InvalidRequestFormat',
      bodyIssues.length
        ? `The request content was invalid and could not be deserialized: '${first.name} ${first.message}. ${where}.'`
        : `The request is invalid: ${first.location} parameter '${first.name}' ${first.message}.`,
      {
        target: first.name,
        details: issues.map(i => ({
          code:
            i.location === 'body'
              ? 'InvalidRequestContent'
              : 'InvalidRequestFormat',
          target: i.name,
          message: `${i.location === 'body' ? 'Property' : 'Parameter'} '${
            i.name
          }' ${i.message}.`,
        })),
      },
    );
    return;
  }
  await rules.handler({
    ctx,
    principal,
    params,
    subscription,
    apiVersion,
    body: parsed.body,
  });
}
