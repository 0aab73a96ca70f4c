import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';
import type { RequestHandler } from 'express';

/**
 * Route middleware that lets a request through only when the permission policy allows its
 * caller `permission`. Without credentials the request fails with 401 (AuthenticationError from
 * httpAuth), when denied with 403 (NotAllowedError naming the permission, so the caller knows what
 * to ask for).
 */
export function createRequirePermission(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}) {
  return (permission: BasicPermission): RequestHandler =>
    async (req, _res, next) => {
      const credentials = await deps.httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const [decision] = await deps.permissions.authorize([{ permission }], {
        credentials,
      });
      // Basic permissions never get CONDITIONAL; anything but ALLOW is a refusal.
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `The permission ${permission.name} is denied; ask your Backstage administrators (the permission policy) to grant it.`,
        );
      }
      next();
    };
}
