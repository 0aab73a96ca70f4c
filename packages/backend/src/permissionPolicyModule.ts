import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  DefenderPermissionPolicy,
  WRITERS_CONFIG_KEY,
} from './DefenderPermissionPolicy';

/**
 * Installs {@link DefenderPermissionPolicy} as the permission backend's policy. Replace this
 * module with your own policy module or an RBAC plugin to decide differently.
 */
export const permissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'defender-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, logger, userInfo }) {
        const defenderPolicy = DefenderPermissionPolicy.fromConfig(
          config,
          userInfo,
        );
        if (defenderPolicy.writers.size === 0) {
          logger.warn(
            `${WRITERS_CONFIG_KEY} is empty: nobody may onboard, rotate or offboard Defender for Containers connectors.`,
          );
        } else {
          logger.info(
            `Defender for Containers connectors may be changed by members of ${[
              ...defenderPolicy.writers,
            ].join(', ')}`,
          );
        }
        policy.setPolicy(defenderPolicy);
      },
    });
  },
});
