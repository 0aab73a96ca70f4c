import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceRef,
  type ActionsRegistryService,
} from '@backstage/backend-plugin-api/alpha';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  scaffolderActionsExtensionPoint,
  type TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { CONNECTORS_CHANGED_TOPIC } from '@defender-backstage/plugin-defender-for-containers-common';
import {
  defenderArmClientServiceRef,
  dockerHubClientServiceRef,
  optionalDefenderConfigServiceRef,
  readServicePrincipalWriters,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { createDockerHubOffboardAction } from './actions/createDockerHubOffboardAction';
import { createDockerHubOnboardAction } from './actions/createDockerHubOnboardAction';
import { createDockerHubValidateAction } from './actions/createDockerHubValidateAction';
import { registerValidateOnboardingAction } from './actions/registerValidateOnboardingAction';

/**
 * Registers `defender:dockerhub:validate`, `defender:dockerhub:onboard` and
 * `defender:dockerhub:offboard` with the scaffolder, and the dry-run validation as the action
 * `scaffolder:validate-defender-docker-hub-onboarding` of the actions registry (MCP).
 *
 * Without `defenderForContainers.azure.subscriptions` the module still starts: it logs one
 * warning naming the keys to set, and every action is registered but fails with that message,
 * so templates that use them say what to configure instead of "unknown action".
 * @public
 */
export const scaffolderModuleDefenderForContainers = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'defender-for-containers',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        // Optional: an app that installs the module before configuring Azure must still start.
        optionalConfig: optionalDefenderConfigServiceRef,
        arm: defenderArmClientServiceRef,
        dockerHub: dockerHubClientServiceRef,
        events: eventsServiceRef,
        permissions: coreServices.permissions,
        config: coreServices.rootConfig,
        // The scaffolder plugin's registry: the AI action's id is scaffolder:<name>.
        actionsRegistry: actionsRegistryServiceRef,
        logger: coreServices.logger,
      },
      async init({
        scaffolder,
        optionalConfig,
        arm,
        dockerHub,
        events,
        permissions,
        config,
        actionsRegistry,
        logger,
      }) {
        const defender = optionalConfig.configured
          ? optionalConfig.config
          : undefined;
        const options = {
          arm,
          dockerHub,
          subscriptions: defender?.azure.subscriptions ?? [],
          azurePortal: defender?.azure.portal,
          allowUnprovenReadOnly:
            defender?.dockerHub.allowUnprovenReadOnly ?? false,
          permissions,
          // Backstage allows service principals without asking the policy: only these may write.
          servicePrincipals: readServicePrincipalWriters(config),
          // The catalog module mirrors connectors as entities; this makes it refresh now.
          onConnectorChanged: (connectorId: string) =>
            events.publish({
              topic: CONNECTORS_CHANGED_TOPIC,
              eventPayload: { connectorId },
            }),
        };
        const actions = [
          createDockerHubValidateAction(options),
          createDockerHubOnboardAction(options),
          createDockerHubOffboardAction(options),
        ];
        if (optionalConfig.configured) {
          scaffolder.addActions(...actions);
          // The same pre-flight as a read-only action for AI assistants (over MCP).
          registerValidateOnboardingAction(actionsRegistry, options);
          return;
        }
        const { message } = optionalConfig;
        logger.warn(`Defender for Containers actions cannot run: ${message}`);
        scaffolder.addActions(...actions.map(a => failingWith(a, message)));
        registerValidateOnboardingAction(
          failingRegistry(actionsRegistry, message),
          options,
        );
      },
    });
  },
});

/** The action as declared (id, schema, examples), but running it fails with `message`. */
function failingWith<A extends TemplateAction<any, any, any>>(
  action: A,
  message: string,
): A {
  return {
    ...action,
    handler: async () => {
      throw new ServiceUnavailableError(message);
    },
  };
}

/** Registers each action as declared, but running it fails with `message`. */
function failingRegistry(
  registry: ActionsRegistryService,
  message: string,
): ActionsRegistryService {
  return {
    register: action =>
      registry.register({
        ...action,
        action: async () => {
          throw new ServiceUnavailableError(message);
        },
      }),
  };
}
