import { RequestContext } from '../server/RequestContext';
import { SubscriptionState } from '../state/EmulatorState';
import { admitSubscription } from './admitSubscription';
import { authenticateArm } from './armAuth';
import { armError } from './armErrors';
import { armHeaders } from './armHeaders';
import { ARM_OPERATIONS } from './armOperations';
import { handlePermissions, PERMISSIONS_PATH } from './permissionHandlers';
import { handleProviders, PROVIDER_PATH } from './providerHandlers';
import { validateArmRequest } from './validateArmRequest';

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
  if (op.id !== 'Resources') {
    subscription = await admitSubscription(ctx, principal, rules, params);
    if (!subscription) return;
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

  const valid = await validateArmRequest(ctx, op, params);
  if (!valid) return;
  await rules.handler({
    ctx,
    principal,
    params,
    subscription,
    apiVersion,
    body: valid.body,
  });
}
