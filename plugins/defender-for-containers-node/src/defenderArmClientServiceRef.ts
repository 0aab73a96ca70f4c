import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { createAzureCredential } from './azure/createAzureCredential';
import type { DefenderArmClient } from './azure/DefenderArmClient';
import { SecurityCenterArmClient } from './azure/SecurityCenterArmClient';
import { loadTrustedCertificates } from './config/loadTrustedCertificates';
import { defenderConfigServiceRef } from './defenderConfigServiceRef';

/**
 * The Azure Resource Manager client of the Defender for Containers plugins, shared by the
 * backend plugin and the scaffolder module. The default takes `defenderForContainers` from
 * `defenderConfigServiceRef`; replace it with `createServiceFactory` in tests
 * or to wrap it.
 * @public
 */
export const defenderArmClientServiceRef = createServiceRef<DefenderArmClient>({
  id: 'defender-for-containers.arm-client',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { defender: defenderConfigServiceRef, logger: coreServices.logger },
      factory({ defender, logger }) {
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
