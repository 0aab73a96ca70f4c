import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { createAzureCredential } from './azure/createAzureCredential';
import type { DefenderArmClient } from './azure/DefenderArmClient';
import { SecurityCenterArmClient } from './azure/SecurityCenterArmClient';
import { loadTrustedCertificates } from './config/loadTrustedCertificates';
import { readDefenderConfig } from './config/readDefenderConfig';

/**
 * The Azure Resource Manager client of the Defender for Containers plugins, shared by the
 * backend plugin and the scaffolder module. The default reads `defenderForContainers` once and
 * fails startup naming the key when it is wrong; replace it with `createServiceFactory` in tests
 * or to wrap it.
 * @public
 */
export const defenderArmClientServiceRef = createServiceRef<DefenderArmClient>({
  id: 'defender-for-containers.arm-client',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig, logger: coreServices.logger },
      factory({ config, logger }) {
        const defender = readDefenderConfig(config);
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
