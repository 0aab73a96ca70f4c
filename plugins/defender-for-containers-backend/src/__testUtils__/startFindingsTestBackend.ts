import {
  createBackendModule,
  type BackendFeature,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  type TestDatabaseId,
  type TestDatabases,
} from '@backstage/backend-test-utils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import type { JsonObject } from '@backstage/types';
import { defenderTestConfig } from '@defender-backstage/plugin-defender-for-containers-node/testUtils';
import type { Server } from 'node:http';
import { defenderForContainersPlugin } from '../plugin';
import type { DefenderHealthService } from '../service/DefenderHealthService';
import { defenderHealthServiceRef } from '../service/defenderHealthServiceRef';
import { ALLOWED_SUBSCRIPTIONS } from './healthTestWorld';
import type { HealthEmulator } from './useHealthEmulator';

/**
 * As `startHealthTestBackend`, with more of `defenderForContainers.health` (e.g.
 * `findings.maxPerConnector`, `rollup.maxComponents`) and, with `database`, the plugin on that
 * test database (PostgreSQL too) instead of the default in-memory SQLite. Refreshes once before
 * it returns, so the routes answer from stored data; the scheduled refresh is a day out.
 */
export async function startFindingsTestBackend(options: {
  emulator: HealthEmulator;
  features?: BackendFeature[];
  /** Merged into `defenderForContainers.health`. */
  health?: JsonObject;
  readScope?: 'connector-entity' | 'all';
  mcp?: boolean;
  database?: { databases: TestDatabases; id: TestDatabaseId };
}): Promise<{ server: Server; stop(): Promise<void> }> {
  const { emulator } = options;
  const { defenderForContainers } = defenderTestConfig(emulator.emu, {
    subscriptions: ALLOWED_SUBSCRIPTIONS,
    caFile: emulator.caFile,
  });
  let health: DefenderHealthService | undefined;
  const capture = createBackendModule({
    pluginId: 'defender-for-containers',
    moduleId: 'findings-test-capture',
    register(reg) {
      reg.registerInit({
        deps: { h: defenderHealthServiceRef },
        async init({ h }) {
          health = h;
        },
      });
    },
  });
  const knex = options.database
    ? await options.database.databases.init(options.database.id)
    : undefined;
  const backend = await startTestBackend({
    features: [
      defenderForContainersPlugin,
      capture,
      ...(options.mcp ? [mcpActionsPlugin] : []),
      ...(knex ? [mockServices.database.factory({ knex })] : []),
      mockServices.rootConfig.factory({
        data: {
          ...(options.mcp
            ? {
                backend: {
                  actions: { pluginSources: ['defender-for-containers'] },
                },
              }
            : {}),
          defenderForContainers: {
            ...(defenderForContainers as JsonObject),
            health: {
              readScope: options.readScope ?? 'all',
              schedule: {
                frequency: { hours: 24 },
                timeout: { minutes: 5 },
                initialDelay: { hours: 24 },
              },
              ...options.health,
            },
          },
        },
      }),
      ...(options.features ?? []),
    ],
  });
  await health!.refreshAll();
  return { server: backend.server, stop: () => backend.stop() };
}
