import type { RequestContext } from '../server/RequestContext';
import type { PrincipalState, SubscriptionState } from '../state/EmulatorState';
import { authorizationFailed, canRead, canWrite } from './armAuth';
import {
  armError,
  invalidSubscriptionId,
  subscriptionNotFound,
} from './armErrors';
import type { OperationRules } from './armOperations';
import { refreshRegistration } from './providerHandlers';
import { takeSubscriptionRead } from './remainingReads';

const SUBSCRIPTION_IN_SCOPE = /^\/?subscriptions\/([^/]+)/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The subscription a subscription-scoped operation addresses, once ARM would let the caller at it:
 * a GUID, known, the caller's role allows the action, Microsoft.Security registered. Undefined
 * when the request was answered with the error instead.
 */
export async function admitSubscription(
  ctx: RequestContext,
  principal: PrincipalState,
  rules: OperationRules,
  params: Record<string, string>,
): Promise<SubscriptionState | undefined> {
  const scopeText =
    params.subscriptionId ??
    params.scope ??
    params.resourceId ??
    params.scopeId;
  const subId =
    params.subscriptionId ?? SUBSCRIPTION_IN_SCOPE.exec(scopeText ?? '')?.[1];
  if (!subId || !GUID.test(subId)) {
    await invalidSubscriptionId(ctx, subId ?? String(scopeText));
    return undefined;
  }
  const subscription = ctx.core.state.subscriptions.get(subId.toLowerCase());
  if (!subscription) {
    await subscriptionNotFound(ctx, subId);
    return undefined;
  }
  const allowed = rules.write
    ? canWrite(principal, subscription.id)
    : canRead(principal, subscription.id);
  if (!allowed) {
    await authorizationFailed(ctx, principal, rules.action, ctx.path);
    return undefined;
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
    return undefined;
  }
  if (ctx.method === 'GET') {
    ctx.headers['x-ms-ratelimit-remaining-subscription-reads'] = String(
      takeSubscriptionRead(subscription, ctx.core.now()),
    );
  }
  return subscription;
}
