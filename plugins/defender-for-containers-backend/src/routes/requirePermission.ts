import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { BasicPermission } from '@backstage/plugin-permission-common';
import type { RequestHandler } from 'express';
import { authorizeDefenderPermission } from '@defender-backstage/plugin-defender-for-containers-node';

/**
 * Route middleware that lets a request through only when the permission policy allows its
 * caller `permission` (one of them, given several). Without credentials the request fails with
 * 401 (AuthenticationError from httpAuth), when denied with 403 (NotAllowedError naming the
 * permission, so the caller knows what to ask for).
 */
export function createRequirePermission(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** Service principals that may write (see `authorizeDefenderPermission`); default none. */
  servicePrincipals?: readonly string[];
}) {
  return (permission: BasicPermission | BasicPermission[]): RequestHandler =>
    async (req, _res, next) => {
      const credentials = await deps.httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      await authorizeDefenderPermission(
        deps.permissions,
        permission,
        credentials,
        {
          servicePrincipals: deps.servicePrincipals,
        },
      );
      next();
    };
}
