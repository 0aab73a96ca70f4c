import type { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import {
  scaffolderActionsExtensionPoint,
  type TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import type { JsonObject } from '@backstage/types';
import type { Emulator } from '@defender-backstage/azure-dockerhub-emulator';
import type { Server } from 'node:http';
import scaffolderModule from '../index';
import { ADMIN, ALLOWED_SUBSCRIPTIONS, TENANT } from './scenario';

/** `defenderForContainers` that lets the module start; nothing in a test reaches this Azure. */
export const UNREACHABLE_AZURE = {
  azure: {
    credential: {
      type: 'clientSecret',
      tenantId: '00000000-0000-0000-0000-0000000000aa',
      clientId: '00000000-0000-0000-0000-0000000000bb',
      clientSecret: 'not-used',
    },
    subscriptions: [{ id: '00000000-0000-0000-0000-000000000001' }],
  },
};

/**
 * `defenderForContainers` pointing the module's clients at `emu`, as its `--print-config` does;
 * `caFile` must hold `emu.caPem`.
 */
export function emulatorConfig(emu: Emulator, caFile: string) {
  return {
    azure: {
      armEndpoint: emu.urls.arm,
      authorityHost: emu.urls.authorityHost,
      credential: { type: 'clientSecret', tenantId: TENANT, ...ADMIN },
      subscriptions: ALLOWED_SUBSCRIPTIONS,
    },
    dockerHub: {
      apiUrl: emu.urls.dockerHubApi,
      registryAuthUrl: emu.urls.registryAuth,
      registryService: emu.urls.registryService,
    },
    caFile,
  };
}

/**
 * A backend with the module, `config` as its root config and `features`. Returns its server and
 * the actions the module handed the scaffolder, in order. With `mcp`, the MCP actions plugin
 * serves the scaffolder's actions registry (the AI action) on that server.
 */
export async function startModuleBackend(
  options: {
    config?: JsonObject;
    mcp?: boolean;
    features?: BackendFeature[];
  } = {},
): Promise<{ server: Server; actions: TemplateAction<any, any, any>[] }> {
  const actions: TemplateAction<any, any, any>[] = [];
  const config = options.mcp
    ? {
        ...options.config,
        backend: { actions: { pluginSources: ['scaffolder'] } },
      }
    : options.config ?? {};
  const { server } = await startTestBackend({
    extensionPoints: [
      [
        scaffolderActionsExtensionPoint,
        { addActions: (...a: any[]) => actions.push(...a) },
      ],
    ],
    features: [
      scaffolderModule,
      ...(options.mcp ? [mcpActionsPlugin] : []),
      mockServices.rootConfig.factory({ data: config }),
      ...(options.features ?? []),
    ],
  });
  return { server, actions };
}
