import type { JsonObject } from '@backstage/config';
import type { Emulator } from '@defender-backstage/azure-dockerhub-emulator';
import { ADMIN, SUB, SUB_B, TENANT } from './testScenario';

/**
 * Root config data (`{ defenderForContainers: … }`, as `config.d.ts` describes it) that points
 * both clients at a running emulator: its ARM, Entra and Docker Hub endpoints, a client-secret
 * credential of its tenant, and the allowed subscriptions.
 * @public
 */
export function defenderTestConfig(
  emu: Emulator,
  options: {
    /** The Entra app the ARM credential signs in as; default `ADMIN`. */
    principal?: { clientId: string; clientSecret: string };
    /** `azure.subscriptions`; default `SUB` and `SUB_B` by id alone. */
    subscriptions?: JsonObject[];
    /** `caFile`, when the test reads the emulator's CA from a file. */
    caFile?: string;
  } = {},
): JsonObject {
  return {
    defenderForContainers: {
      azure: {
        armEndpoint: emu.urls.arm,
        authorityHost: emu.urls.authorityHost,
        credential: {
          type: 'clientSecret',
          tenantId: TENANT,
          ...(options.principal ?? ADMIN),
        },
        subscriptions: options.subscriptions ?? [{ id: SUB }, { id: SUB_B }],
      },
      dockerHub: {
        apiUrl: emu.urls.dockerHubApi,
        registryAuthUrl: emu.urls.registryAuth,
        registryService: emu.urls.registryService,
      },
      ...(options.caFile ? { caFile: options.caFile } : {}),
    },
  };
}
