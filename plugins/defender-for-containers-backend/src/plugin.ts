import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createRouter } from './router';
import { defenderConfigServiceRef } from '@defender-backstage/plugin-defender-for-containers-node';
import { defenderForContainersPermissions } from '@defender-backstage/plugin-defender-for-containers-common';

/**
 * The Defender for Containers backend plugin, served under /api/defender-for-containers.
 *
 * @public
 */
export const defenderForContainersPlugin = createBackendPlugin({
  pluginId: 'defender-for-containers',
  register(env) {
    env.registerInit({
      deps: {
        defender: defenderConfigServiceRef,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        defender,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
      }) {
        // Registered here, the plugin that owns them, so policy authors and RBAC UIs list them;
        // the scaffolder module checks the same permissions.
        permissionsRegistry.addPermissions(defenderForContainersPermissions);
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            allowedSubscriptions: defender.azure.subscriptions,
          }),
        );
        // Load balancers and the local stack's readiness probe call this without a token.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
