import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { assertServicePrincipalMayWrite } from '@defender-backstage/plugin-defender-for-containers-node';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';

/**
 * Throws a `NotAllowedError` naming `permission` unless the policy allows it to `credentials`;
 * given several, one allowed is enough. The one check behind the routes (`requirePermission`)
 * and the AI actions, so both refuse alike and tell the caller what to ask for.
 *
 * A service principal allowed a write (create, delete, refresh) is refused all the same unless
 * `servicePrincipals` (`defenderForContainers.permissions.servicePrincipals`) lists its subject:
 * Backstage allows service principals without asking the policy.
 */
export async function authorizePermission(
  permissions: PermissionsService,
  permission: BasicPermission | BasicPermission[],
  credentials: BackstageCredentials,
  servicePrincipals: readonly string[] = [],
): Promise<void> {
  const wanted = [permission].flat();
  const decisions = await permissions.authorize(
    wanted.map(p => ({ permission: p })),
    { credentials },
  );
  // Basic permissions never get CONDITIONAL; anything but ALLOW is a refusal.
  if (!decisions.some(d => d.result === AuthorizeResult.ALLOW)) {
    const names = wanted.map(p => p.name);
    throw new NotAllowedError(
      names.length === 1
        ? `The permission ${names[0]} is denied; ask your Backstage administrators (the permission policy) to grant it.`
        : `The permissions ${names.join(
            ' and ',
          )} are all denied; ask your Backstage administrators (the permission policy) to grant one of them.`,
    );
  }
  assertServicePrincipalMayWrite(credentials, wanted, servicePrincipals);
}
