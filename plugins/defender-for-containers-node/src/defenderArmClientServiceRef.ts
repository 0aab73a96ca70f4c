import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { createAzureCredential } from './azure/createAzureCredential';
import type { DefenderArmClient } from './azure/DefenderArmClient';
import { SecurityCenterArmClient } from './azure/SecurityCenterArmClient';
import { UnconfiguredDefenderArmClient } from './azure/UnconfiguredDefenderArmClient';
import { defenderTlsTrustServiceRef } from './defenderTlsTrustServiceRef';
import { optionalDefenderConfigServiceRef } from './optionalDefenderConfigServiceRef';

/**
 * The Azure Resource Manager client of the Defender for Containers plugins, shared by the
 * backend plugin and the scaffolder module. The default takes `defenderForContainers` from
 * `optionalDefenderConfigServiceRef`: without that config every call fails with a 503 naming
 * the keys to set, so the backend still starts. Replace it with `createServiceFactory` in tests
 * or to wrap it.
 * @public
 */
export const defenderArmClientServiceRef = createServiceRef<DefenderArmClient>({
  id: 'defender-for-containers.arm-client',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        optionalConfig: optionalDefenderConfigServiceRef,
        tls: defenderTlsTrustServiceRef,
        logger: coreServices.logger,
      },
      factory({ optionalConfig, tls: { trust }, logger }) {
        if (!optionalConfig.configured) {
          return new UnconfiguredDefenderArmClient(optionalConfig.message);
        }
        const defender = optionalConfig.config;
        return new SecurityCenterArmClient({
          config: defender,
          credential: createAzureCredential(defender.azure, { trust }),
          trust,
          logger,
        });
      },
    }),
});
