import type { RequestContext } from '../server/RequestContext';
import type { PrincipalState, SubscriptionState } from '../state/EmulatorState';

/**
 * What handleArm hands an operation handler once authentication, RBAC, registration, api-version
 * and spec validation passed. Its own module so the handlers need not import armOperations, which
 * imports them.
 */
export interface ArmCall {
  ctx: RequestContext;
  principal: PrincipalState;
  params: Record<string, string>;
  /** Undefined only for tenant-level operations (Resource Graph). */
  subscription?: SubscriptionState;
  apiVersion: string;
  body: any;
}

export type ArmHandler = (call: ArmCall) => Promise<void>;
