import {
  createBackendModule,
  type BackendFeature,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Server } from 'node:http';
import type { Emulator } from '@defender-backstage/azure-dockerhub-emulator';
import {
  ADMIN,
  TENANT,
} from '@defender-backstage/plugin-defender-for-containers-node/testUtils';
import type { DefenderHealthService } from '../health/DefenderHealthService';
import { defenderHealthServiceRef } from '../health/defenderHealthServiceRef';
import { defenderForContainersPlugin } from '../plugin';
import { PROD, TEAM } from './healthTestWorld';

/**
 * The backend plugin in a test backend, reading the emulator with the real clients, on a real
 * (SQLite) database. The scheduled refresh is pushed a day out: tests call `health.refreshAll()`.
 */
export async function startHealthTestBackend(options: {
  emu: Emulator;
  /** Where the emulator wrote its CA (`caFile` of startEmulator). */
  caFile: string;
  features?: Array<BackendFeature | Promise<{ default: BackendFeature }>>;
  /** Merged into the root of the config. */
  config?: Record<string, unknown>;
  /** `defenderForContainers.azure.subscriptions`; default: the health world's PROD and TEAM. */
  subscriptions?: Array<{ id: string; displayName: string }>;
  /**
   * `health.readScope`; default `all`, because most suites test other things with a catalog
   * double that holds no connector Resources. `readScope.test.ts` tests the scoping.
   */
  readScope?: 'connector-entity' | 'all';
}): Promise<{
  server: Server;
  health: DefenderHealthService;
  stop(): Promise<void>;
}> {
  const { emu } = options;
  let health: DefenderHealthService | undefined;
  const captureHealth = createBackendModule({
    pluginId: 'defender-for-containers',
    moduleId: 'test-capture',
    register(reg) {
      reg.registerInit({
        deps: { h: defenderHealthServiceRef },
        async init({ h }) {
          health = h;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      defenderForContainersPlugin,
      captureHealth,
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          defenderForContainers: {
            azure: {
              armEndpoint: emu.urls.arm,
              authorityHost: emu.urls.authorityHost,
              credential: { type: 'clientSecret', tenantId: TENANT, ...ADMIN },
              subscriptions: options.subscriptions ?? [
                { id: PROD, displayName: 'Production' },
                { id: TEAM, displayName: 'Team' },
              ],
            },
            caFile: options.caFile,
            health: {
              readScope: options.readScope ?? 'all',
              schedule: {
                frequency: { hours: 24 },
                timeout: { minutes: 5 },
                initialDelay: { hours: 24 },
              },
            },
          },
        },
      }),
      ...(options.features ?? []),
    ],
  });
  return {
    server: backend.server,
    health: health!,
    stop: () => backend.stop(),
  };
}
