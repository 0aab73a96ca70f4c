import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { CONNECTORS_CHANGED_TOPIC } from '@defender-backstage/plugin-defender-for-containers-common';
import {
  defenderArmClientServiceRef,
  dockerHubClientServiceRef,
  defenderConfigServiceRef,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { createDockerHubOffboardAction } from './actions/createDockerHubOffboardAction';
import { createDockerHubOnboardAction } from './actions/createDockerHubOnboardAction';
import { createDockerHubValidateAction } from './actions/createDockerHubValidateAction';
import { registerValidateOnboardingAction } from './actions/registerValidateOnboardingAction';

/**
 * Registers `defender:dockerhub:validate`, `defender:dockerhub:onboard` and
 * `defender:dockerhub:offboard` with the scaffolder, and the dry-run validation as the action
 * `scaffolder:validate-defender-docker-hub-onboarding` of the actions registry (MCP).
 * @public
 */
export const scaffolderModuleDefenderForContainers = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'defender-for-containers',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        defender: defenderConfigServiceRef,
        arm: defenderArmClientServiceRef,
        dockerHub: dockerHubClientServiceRef,
        events: eventsServiceRef,
        permissions: coreServices.permissions,
        // The scaffolder plugin's registry: the AI action's id is scaffolder:<name>.
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({
        scaffolder,
        defender,
        arm,
        dockerHub,
        events,
        permissions,
        actionsRegistry,
      }) {
        const { subscriptions } = defender.azure;
        const options = {
          arm,
          dockerHub,
          subscriptions,
          azurePortal: defender.azure.portal,
          permissions,
          // The catalog module mirrors connectors as entities; this makes it refresh now.
          onConnectorChanged: (connectorId: string) =>
            events.publish({
              topic: CONNECTORS_CHANGED_TOPIC,
              eventPayload: { connectorId },
            }),
        };
        scaffolder.addActions(
          createDockerHubValidateAction(options),
          createDockerHubOnboardAction(options),
          createDockerHubOffboardAction(options),
        );
        // The same pre-flight as a read-only action for AI assistants (over MCP).
        registerValidateOnboardingAction(actionsRegistry, options);
      },
    });
  },
});
