import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { HEALTH_TRANSITIONS_TOPIC } from './refresh/ConnectorTransition';
import { ConnectorNotifier } from './notifications/ConnectorNotifier';
import { readTransitions } from './notifications/readTransitions';
import { registerEntityDefenderHealthAction } from './actions/registerEntityDefenderHealthAction';
import { registerEntityFindingsAction } from './actions/registerEntityFindingsAction';
import {
  optionalDefenderConfigServiceRef,
  readServicePrincipalWriters,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { createRouter } from './routes/createRouter';
import { LIVENESS_PATH } from './routes/livenessRoute';
import { defenderHealthServiceRef } from './service/defenderHealthServiceRef';
import { readHealthConfig } from './service/readHealthConfig';
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
        auth: coreServices.auth,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        notifications: notificationService,
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
        auth,
        logger,
        catalog,
        events,
        notifications,
      }) {
        // Registered here, the plugin that owns them, so policy authors and RBAC UIs list them;
        // the scaffolder module checks the same permissions.
        permissionsRegistry.addPermissions(defenderForContainersPermissions);
        // Backstage allows service principals without asking the policy: only these may write.
        const servicePrincipals = readServicePrincipalWriters(config);
        httpRouter.use(
          createRouter({
            httpAuth,
            permissions,
            health,
            servicePrincipals,
            allowedSubscriptions: defender.configured
              ? defender.config.azure.subscriptions
              : [],
          }),
        );
        // AI assistants (the actions registry, exposed over MCP) get the card's and the
        // Findings tab's answers.
        registerEntityDefenderHealthAction(actionsRegistry, {
          health,
          permissions,
        });
        registerEntityFindingsAction(actionsRegistry, { health, permissions });
        if (defender.configured) {
          // The owner of a connector's entity hears of it turning unhealthy or getting new
          // Critical findings; the topic stays open to other subscribers.
          const notifier = new ConnectorNotifier({
            catalog,
            auth,
            notifications,
            logger,
          });
          await events.subscribe({
            id: 'owner-notifications',
            topics: [HEALTH_TRANSITIONS_TOPIC],
            onEvent: async event => {
              await notifier.notify(readTransitions(event.eventPayload));
            },
          });
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
        httpRouter.addAuthPolicy({
          path: LIVENESS_PATH,
          allow: 'unauthenticated',
        });
      },
    });
  },
});
