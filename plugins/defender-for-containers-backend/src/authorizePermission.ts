import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';

/**
 * Throws a `NotAllowedError` naming `permission` unless the policy allows it to `credentials`.
 * The one check behind the routes (`requirePermission`) and the AI actions, so both refuse
 * alike and tell the caller what to ask for.
 */
export async function authorizePermission(
  permissions: PermissionsService,
  permission: BasicPermission,
  credentials: BackstageCredentials,
): Promise<void> {
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  // Basic permissions never get CONDITIONAL; anything but ALLOW is a refusal.
  if (decision?.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `The permission ${permission.name} is denied; ask your Backstage administrators (the permission policy) to grant it.`,
    );
  }
}
