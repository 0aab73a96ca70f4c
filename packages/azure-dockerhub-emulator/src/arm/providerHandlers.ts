import { RequestContext, send } from '../server/RequestContext';
import { PrincipalState, SubscriptionState } from '../state/EmulatorState';
import { authorizationFailed, canRead, canWrite } from './armAuth';
import { armError, methodNotAllowed, subscriptionNotFound } from './armErrors';

/**
 * Microsoft.Resources provider operations on the one namespace we emulate
 * (https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-register-resource-provider).
 */
export const PROVIDER_PATH =
  /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.Security(\/register)?$/i;

const API_VERSIONS = ['2021-04-01', '2025-04-01'];
/** Registration is asynchronous in Azure; here it completes after this much emulated time. */
export const REGISTRATION_MS = 30_000;

export function refreshRegistration(sub: SubscriptionState, now: number) {
  if (
    sub.registrationState === 'Registering' &&
    sub.registeringSince !== undefined &&
    now - sub.registeringSince >= REGISTRATION_MS
  ) {
    sub.registrationState = 'Registered';
  }
}

function provider(sub: SubscriptionState) {
  const locations = [
    'West Europe',
    'North Europe',
    'East US',
    'Central US',
    'West US 2',
  ];
  return {
    id: `/subscriptions/${sub.id}/providers/Microsoft.Security`,
    namespace: 'Microsoft.Security',
    registrationState: sub.registrationState,
    registrationPolicy: 'RegistrationRequired',
    resourceTypes: [
      {
        resourceType: 'securityConnectors',
        locations,
        apiVersions: [
          '2024-08-01-preview',
          '2024-07-01-preview',
          '2024-03-01-preview',
          '2023-10-01-preview',
          '2021-07-01-preview',
        ],
      },
      {
        resourceType: 'healthReports',
        locations: [],
        apiVersions: ['2023-05-01-preview', '2023-02-01-preview'],
      },
      {
        resourceType: 'pricings',
        locations: [],
        apiVersions: ['2024-01-01', '2023-01-01', '2022-03-01', '2018-06-01'],
      },
    ],
  };
}

export async function handleProviders(
  ctx: RequestContext,
  principal: PrincipalState,
  apiVersion: string,
) {
  const [, subId, register] = PROVIDER_PATH.exec(ctx.path)!;
  const isRegister = register !== undefined;
  if (
    (isRegister && ctx.method !== 'POST') ||
    (!isRegister && ctx.method !== 'GET')
  ) {
    return methodNotAllowed(ctx);
  }
  if (!API_VERSIONS.includes(apiVersion)) {
    return armError(
      ctx,
      400,
      'InvalidApiVersionParameter',
      `The api-version '${apiVersion}' is invalid. The supported versions are '${API_VERSIONS.join(
        ',',
      )}'.`,
    );
  }
  const sub = ctx.core.state.subscriptions.get(subId.toLowerCase());
  if (!sub) return subscriptionNotFound(ctx, subId);
  refreshRegistration(sub, ctx.core.now());
  if (isRegister) {
    if (!canWrite(principal, sub.id)) {
      return authorizationFailed(
        ctx,
        principal,
        'Microsoft.Security/register/action',
        `/subscriptions/${sub.id}`,
      );
    }
    if (sub.registrationState !== 'Registered') {
      sub.registrationState = 'Registering';
      sub.registeringSince = ctx.core.now();
    }
    return send(ctx, 200, provider(sub));
  }
  if (!canRead(principal, sub.id)) {
    return authorizationFailed(
      ctx,
      principal,
      'Microsoft.Resources/subscriptions/providers/read',
      `/subscriptions/${sub.id}`,
    );
  }
  return send(ctx, 200, provider(sub));
}
