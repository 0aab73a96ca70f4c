import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { createAzureCredential } from './azure/createAzureCredential';
import type { DefenderArmClient } from './azure/DefenderArmClient';
import { SecurityCenterArmClient } from './azure/SecurityCenterArmClient';
import { loadTrustedCertificates } from './config/loadTrustedCertificates';
import { UnconfiguredDefenderArmClient } from './azure/UnconfiguredDefenderArmClient';
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
        logger: coreServices.logger,
      },
      factory({ optionalConfig, logger }) {
        if (!optionalConfig.configured) {
          return new UnconfiguredDefenderArmClient(optionalConfig.message);
        }
        const defender = optionalConfig.config;
        const ca = loadTrustedCertificates({ caFile: defender.caFile });
        return new SecurityCenterArmClient({
          config: defender,
          credential: createAzureCredential(defender.azure, { ca }),
          ca,
          logger,
        });
      },
    }),
});
