import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { createRouter } from './router';
import { registerEntityDefenderHealthAction } from './actions/registerEntityDefenderHealthAction';
import { optionalDefenderConfigServiceRef } from '@defender-backstage/plugin-defender-for-containers-node';
import { createHealthRouter } from './health/createHealthRouter';
import { defenderHealthServiceRef } from './health/defenderHealthServiceRef';
import { readHealthConfig } from './health/readHealthConfig';
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
        // Optional: without defenderForContainers the plugin starts and its answers say what to set.
        defender: optionalDefenderConfigServiceRef,
        config: coreServices.rootConfig,
        health: defenderHealthServiceRef,
        scheduler: coreServices.scheduler,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({
        defender,
        config,
        health,
        scheduler,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
        actionsRegistry,
      }) {
        // Registered here, the plugin that owns them, so policy authors and RBAC UIs list them;
        // the scaffolder module checks the same permissions.
        permissionsRegistry.addPermissions(defenderForContainersPermissions);
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            allowedSubscriptions: defender.configured
              ? defender.config.azure.subscriptions
              : [],
          }),
        );
        httpRouter.use(
          await createHealthRouter({ httpAuth, permissions, health }),
        );
        // AI assistants (the actions registry, exposed over MCP) get the card's answer.
        registerEntityDefenderHealthAction(actionsRegistry, {
          health,
          permissions,
        });
        if (defender.configured) {
          // Global scope: one run at a time across all replicas; page views never call Azure.
          await scheduler.scheduleTask({
            id: 'defender-for-containers-health-refresh',
            scope: 'global',
            ...readHealthConfig(config).schedule,
            fn: async signal => {
              await health.refreshAll({ signal });
            },
          });
        }
        // Load balancers and the local stack's readiness probe call this without a token.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
