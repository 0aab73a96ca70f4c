import { RequestContext, send } from '../server/RequestContext';
import type { ProseViolation } from './ProseViolation';

export interface ArmErrorDetail {
  code: string;
  message: string;
  target?: string;
}

/**
 * ARM's error envelope (https://github.com/Azure/azure-resource-manager-rpc/blob/master/v1.0/common-api-details.md;
 * CloudError / ErrorResponse in the specs).
 */
export function armError(
  ctx: RequestContext,
  status: number,
  code: string,
  message: string,
  extra: {
    target?: string;
    details?: ArmErrorDetail[];
    headers?: Record<string, string>;
  } = {},
): Promise<void> {
  const error: Record<string, unknown> = { code, message };
  if (extra.target) error.target = extra.target;
  if (extra.details) error.details = extra.details;
  return send(ctx, status, { error }, extra.headers);
}

export function resourceNotFound(
  ctx: RequestContext,
  type: string,
  name: string,
  rg: string,
) {
  // ARM's own wording for a GET on an absent resource.
  return armError(
    ctx,
    404,
    'ResourceNotFound',
    `The Resource '${type}/${name}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

// One wording per error, as ARM has, whichever route answers it.

export function methodNotAllowed(ctx: RequestContext) {
  return armError(
    ctx,
    405,
    'MethodNotAllowed',
    `The requested resource does not support http method '${ctx.method}'.`,
  );
}

export function invalidSubscriptionId(ctx: RequestContext, id: string) {
  return armError(
    ctx,
    400,
    'InvalidSubscriptionId',
    `The provided subscription identifier '${id}' is malformed or invalid.`,
  );
}

export function subscriptionNotFound(ctx: RequestContext, id: string) {
  return armError(
    ctx,
    404,
    'SubscriptionNotFound',
    `The subscription '${id}' could not be found.`,
  );
}

export function resourceGroupNotFound(ctx: RequestContext, name: string) {
  return armError(
    ctx,
    404,
    'ResourceGroupNotFound',
    `Resource group '${name}' could not be found.`,
  );
}

/** Answers a violated prose rule (see proseRules) with its ARM error; true when there was one. */
export async function refuse(
  ctx: RequestContext,
  violation: ProseViolation | undefined,
): Promise<boolean> {
  if (!violation) return false;
  const { status, code, message, target } = violation;
  await armError(ctx, status, code, message, target ? { target } : {});
  return true;
}
