import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';
import { assertServicePrincipalMayWrite } from './servicePrincipalWrites';

/** @public */
export interface AuthorizeDefenderPermissionOptions {
  /**
   * What the caller tried, completing "You are not allowed to …": the refusal then also names
   * who was refused (a scaffolder task's initiator is not the one reading the log).
   */
  doing?: string;
  /** `defenderForContainers.permissions.servicePrincipals`; default none. */
  servicePrincipals?: readonly string[];
}

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

const ASK =
  'ask your Backstage administrators (the permission policy) to grant';

/**
 * The one way these plugins ask the permission framework: routes, scaffolder actions and AI
 * actions all refuse alike, with a `NotAllowedError` naming the permission to ask for. Given
 * several permissions, one allowed is enough. Basic permissions never get CONDITIONAL, so
 * anything but ALLOW is a refusal.
 *
 * A service principal allowed a write (create, delete, refresh) is refused all the same unless
 * `servicePrincipals` lists its subject: Backstage allows service principals without asking the
 * policy (see `assertServicePrincipalMayWrite`).
 * @public
 */
export async function authorizeDefenderPermission(
  permissions: PermissionsService,
  permission: BasicPermission | BasicPermission[],
  credentials: BackstageCredentials,
  options: AuthorizeDefenderPermissionOptions = {},
): Promise<void> {
  const wanted = [permission].flat();
  const decisions = await permissions.authorize(
    wanted.map(p => ({ permission: p })),
    { credentials },
  );
  if (!decisions.some(d => d.result === AuthorizeResult.ALLOW)) {
    const names = wanted.map(p => p.name);
    if (options.doing) {
      throw new NotAllowedError(
        `You are not allowed to ${options.doing}: the permission ${names.join(
          ' or ',
        )} is denied for ${describePrincipal(credentials)}. A${ASK.slice(
          1,
        )} it.`,
      );
    }
    throw new NotAllowedError(
      names.length === 1
        ? `The permission ${names[0]} is denied; ${ASK} it.`
        : `The permissions ${names.join(
            ' and ',
          )} are all denied; ${ASK} one of them.`,
    );
  }
  assertServicePrincipalMayWrite(
    credentials,
    wanted,
    options.servicePrincipals ?? [],
  );
}
