import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  defenderArmClientServiceRef,
  dockerHubClientServiceRef,
  readDefenderConfig,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { createDockerHubOffboardAction } from './actions/createDockerHubOffboardAction';
import { createDockerHubOnboardAction } from './actions/createDockerHubOnboardAction';
import { createDockerHubValidateAction } from './actions/createDockerHubValidateAction';

/**
 * Registers `defender:dockerhub:validate`, `defender:dockerhub:onboard` and
 * `defender:dockerhub:offboard` with the scaffolder.
 * @public
 */
export const scaffolderModuleDefenderForContainers = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'defender-for-containers',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        arm: defenderArmClientServiceRef,
        dockerHub: dockerHubClientServiceRef,
      },
      async init({ scaffolder, config, arm, dockerHub }) {
        // Read once at startup: a bad config fails the backend here, naming the key.
        const { subscriptions } = readDefenderConfig(config).azure;
        const options = { arm, dockerHub, subscriptions };
        scaffolder.addActions(
          createDockerHubValidateAction(options),
          createDockerHubOnboardAction(options),
          createDockerHubOffboardAction(options),
        );
      },
    });
  },
});
