import {
  createBackendModule,
  type BackendFeature,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import {
  eventsServiceRef,
  type EventsService,
} from '@backstage/plugin-events-node';
import type { Server } from 'node:http';
import type { Emulator } from '@defender-backstage/azure-dockerhub-emulator';
import type { JsonObject } from '@backstage/types';
import { defenderTestConfig } from '@defender-backstage/plugin-defender-for-containers-node/testUtils';
import type { DefenderHealthService } from '../service/DefenderHealthService';
import { defenderHealthServiceRef } from '../service/defenderHealthServiceRef';
import { defenderForContainersPlugin } from '../plugin';
import { ALLOWED_SUBSCRIPTIONS } from './healthTestWorld';

/**
 * The backend plugin in a test backend, reading the emulator with the real clients, on a real
 * (SQLite) database. The scheduled refresh is pushed a day out: tests call `health.refreshAll()`.
 */
export async function startHealthTestBackend(options: {
  /** A running emulator and where its CA is (`useHealthEmulator` gives both). */
  emulator: { emu: Emulator; caFile: string };
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
  /** Serve the plugin's actions over MCP (`POST /api/mcp-actions/v1`), as an assistant reaches them. */
  mcp?: boolean;
}): Promise<{
  server: Server;
  health: DefenderHealthService;
  events: EventsService;
  stop(): Promise<void>;
}> {
  const { emu, caFile } = options.emulator;
  let health: DefenderHealthService | undefined;
  let events: EventsService | undefined;
  const capture = createBackendModule({
    pluginId: 'defender-for-containers',
    moduleId: 'test-capture',
    register(reg) {
      reg.registerInit({
        deps: { h: defenderHealthServiceRef, e: eventsServiceRef },
        async init({ h, e }) {
          health = h;
          events = e;
        },
      });
    },
  });
  const { defenderForContainers } = defenderTestConfig(emu, {
    subscriptions: options.subscriptions ?? ALLOWED_SUBSCRIPTIONS,
    caFile,
  });
  const backend = await startTestBackend({
    features: [
      defenderForContainersPlugin,
      capture,
      ...(options.mcp ? [mcpActionsPlugin] : []),
      mockServices.rootConfig.factory({
        data: {
          ...(options.mcp
            ? {
                backend: {
                  actions: { pluginSources: ['defender-for-containers'] },
                },
              }
            : {}),
          ...options.config,
          defenderForContainers: {
            ...(defenderForContainers as JsonObject),
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
    events: events!,
    stop: () => backend.stop(),
  };
}
