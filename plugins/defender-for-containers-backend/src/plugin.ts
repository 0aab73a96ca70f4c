import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createRouter } from './router';
import { defenderConfigServiceRef } from '@defender-backstage/plugin-defender-for-containers-node';

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
      },
      async init({ defender, httpAuth, httpRouter }) {
        httpRouter.use(
          await createRouter({
            httpAuth,
            allowedSubscriptions: defender.azure.subscriptions,
          }),
        );
        // Load balancers and the local stack's readiness probe call this without a token.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
