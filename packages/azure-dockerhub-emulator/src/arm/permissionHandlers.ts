import { RequestContext, send } from '../server/RequestContext';
import { PrincipalState } from '../state/EmulatorState';
import { authorizationFailed, canRead } from './armAuth';
import {
  armError,
  invalidSubscriptionId,
  methodNotAllowed,
  resourceGroupNotFound,
  subscriptionNotFound,
} from './armErrors';
import { BUILT_IN_ROLE_PERMISSIONS } from './builtInRoles';
import { armPage } from './paging';

/**
 * Microsoft.Authorization `Permissions_ListForResourceGroup`: the caller's effective permissions on
 * a resource group, one entry per role it holds there.
 *
 * No spec for Microsoft.Authorization ships in `specs/`, so neither the request nor the response is
 * schema-validated: the shape (`{ value: [{ actions, notActions, dataActions, notDataActions }],
 * nextLink? }`) follows the public REST reference of Permissions - List For Resource Group
 * (api-version 2022-04-01).
 */
export const PERMISSIONS_PATH =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Authorization\/permissions$/i;

export const PERMISSIONS_API_VERSION = '2022-04-01';
/** Versions Azure knows for Microsoft.Authorization permissions (azure-rest-api-specs `authorization`). */
const AZURE_PERMISSIONS_VERSIONS = [
  '2015-07-01',
  '2018-01-01-preview',
  '2022-04-01',
  '2022-05-01-preview',
];
const READ_ACTION = 'Microsoft.Authorization/permissions/read';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const PERMISSIONS_ROUTE_NAMES = [
  'Permissions_ListForResourceGroup',
  'permissions',
];

export async function handlePermissions(
  ctx: RequestContext,
  principal: PrincipalState,
  apiVersion: string,
) {
  const [, subId, rgName] = PERMISSIONS_PATH.exec(ctx.path)!;
  if (ctx.method !== 'GET') return methodNotAllowed(ctx);
  if (!GUID.test(subId)) return invalidSubscriptionId(ctx, subId);
  const sub = ctx.core.state.subscriptions.get(subId.toLowerCase());
  if (!sub) return subscriptionNotFound(ctx, subId);
  const scope = `/subscriptions/${sub.id}/resourceGroups/${rgName}`;
  if (!canRead(principal, sub.id)) {
    return authorizationFailed(ctx, principal, READ_ACTION, scope);
  }
  // Microsoft.Authorization is always registered, so no MissingSubscriptionRegistration here.
  if (apiVersion !== PERMISSIONS_API_VERSION) {
    if (AZURE_PERMISSIONS_VERSIONS.includes(apiVersion)) {
      return armError(
        ctx,
        400,
        'EmulatorUnsupportedApiVersion',
        `Azure accepts api-version '${apiVersion}' for type 'permissions', but this emulator only answers '${PERMISSIONS_API_VERSION}'.`,
      );
    }
    return armError(
      ctx,
      400,
      'NoRegisteredProviderFound',
      `No registered resource provider found for location 'westeurope' and API version '${apiVersion}' for type 'permissions'. The supported api-versions are '${AZURE_PERMISSIONS_VERSIONS.join(
        ', ',
      )}'.`,
    );
  }
  const rg = sub.resourceGroups.find(
    r => r.name.toLowerCase() === rgName.toLowerCase(),
  );
  if (!rg) return resourceGroupNotFound(ctx, rgName);
  // The scenario assigns one role per subscription; it is inherited by every resource group.
  const role = principal.roles.get(sub.id.toLowerCase())!;
  const permission = BUILT_IN_ROLE_PERMISSIONS[role];
  const items = [
    {
      actions: [...permission.actions],
      notActions: [...permission.notActions],
      dataActions: [...permission.dataActions],
      notDataActions: [...permission.notDataActions],
    },
  ];
  return send(ctx, 200, armPage(ctx, items, ctx.core.state.pageSize));
}
