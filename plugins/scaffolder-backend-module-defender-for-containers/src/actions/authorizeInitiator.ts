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

function describePrincipal(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return principal.userEntityRef;
  }
  if (principal.type === 'service' && principal.subject) {
    return principal.subject;
  }
  return 'an unauthenticated caller';
}

/**
 * Refuses the step unless the permission policy allows the task's initiator `permission`.
 * The scaffolder runs actions with its own Azure and Docker Hub credentials, so without this
 * anyone who may run a template could write connectors; it runs before any remote call, dry run
 * included, so a refused step has touched nothing. A task started by a service principal (an
 * external access token) is refused the write permissions even when the policy allows them unless
 * `servicePrincipals` lists its subject: Backstage allows service principals without the policy.
 *
 * @param doing - what the user tried, completing "You are not allowed to ...".
 * @param servicePrincipals - `defenderForContainers.permissions.servicePrincipals`; default none.
 */
export async function authorizeInitiator(
  ctx: { getInitiatorCredentials(): Promise<BackstageCredentials> },
  permissions: PermissionsService,
  permission: BasicPermission,
  doing: string,
  servicePrincipals: readonly string[] = [],
): Promise<void> {
  const credentials = await ctx.getInitiatorCredentials();
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  // Basic permissions never get CONDITIONAL; anything but ALLOW is a refusal.
  if (decision?.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You are not allowed to ${doing}: the permission ${
        permission.name
      } is denied for ${describePrincipal(
        credentials,
      )}. Ask your Backstage administrators (the permission policy) to grant it.`,
    );
  }
  assertServicePrincipalMayWrite(credentials, permission, servicePrincipals);
}
