import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { defenderForContainersPermissions } from '@defender-backstage/plugin-defender-for-containers-common';
import express from 'express';
import Router from 'express-promise-router';
import request from 'supertest';
import { createRequirePermission } from './requirePermission';

const read = defenderForContainersPermissions.find(p =>
  p.name.endsWith('.read'),
)!;

/** One route behind the permission, answered by Backstage's own error middleware. */
function app(credentials: any, result: AuthorizeResult) {
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([{ result } as any]);
  const require = createRequirePermission({
    httpAuth: mockServices.httpAuth({ defaultCredentials: credentials }),
    permissions,
  });
  // As the plugin's routers: express-promise-router passes a rejected check on as the error.
  const routes = Router();
  routes.get('/x', require(read), (_req, res) => {
    res.json({ ok: true });
  });
  const router = express();
  router.use(routes);
  router.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return { router, permissions };
}

// (Written against the survivors of `yarn mutation`.)
describe('requirePermission', () => {
  it('lets users and services through when the policy allows, asking with their credentials', async () => {
    for (const credentials of [
      mockCredentials.user('user:default/jane'),
      mockCredentials.service('plugin:catalog'),
    ]) {
      const { router, permissions } = app(credentials, AuthorizeResult.ALLOW);
      const res = await request(router).get('/x');
      expect(res.status).toBe(200);
      expect(permissions.authorize).toHaveBeenCalledWith(
        [{ permission: read }],
        { credentials },
      );
    }
  });

  it('answers 401 without credentials, before asking the policy', async () => {
    const { router, permissions } = app(
      mockCredentials.none(),
      AuthorizeResult.ALLOW,
    );
    expect((await request(router).get('/x')).status).toBe(401);
    expect(permissions.authorize).not.toHaveBeenCalled();
  });

  it.each([AuthorizeResult.DENY, AuthorizeResult.CONDITIONAL])(
    'answers 403 naming the permission when the policy says %s',
    async result => {
      const { router } = app(mockCredentials.user(), result);
      const res = await request(router).get('/x');
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        `The permission ${read.name} is denied; ask your Backstage administrators (the permission policy) to grant it.`,
      );
    },
  );
});
