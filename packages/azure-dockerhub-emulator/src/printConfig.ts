import YAML from 'yaml';
import type { Scenario } from './scenario/scenarioSchema';

export interface EmulatorConfigOptions {
  /** The emulator's origin, e.g. https://127.0.0.1:7443. */
  url: string;
  /** Absolute path of the CA certificate the backend must trust. */
  caFile: string;
  /** The scenario file's name, for the header comment. */
  scenarioName?: string;
}

/**
 * The `defenderForContainers` block of app-config that points the Defender for Containers
 * plugins at an emulator running `scenario`: its endpoints, the CA to trust, the scenario's first
 * principal as the client-secret credential and the subscriptions that principal has a role on
 * (each with its resource groups and the first one's location as the default).
 */
export function emulatorAppConfig(scenario: Scenario, options: EmulatorConfigOptions): string {
  const principal = scenario.azure.principals[0];
  const subscriptions = scenario.azure.subscriptions
    .filter(s => !principal || principal.roles[s.id] !== undefined)
    .map(s => ({
      id: s.id,
      displayName: `${s.displayName}`,
      ...(s.resourceGroups.length ? { resourceGroups: s.resourceGroups.map(g => g.name) } : {}),
      ...(s.resourceGroups.length ? { defaults: { location: s.resourceGroups[0].location } } : {}),
    }));
  const block = {
    defenderForContainers: {
      azure: {
        armEndpoint: options.url,
        authorityHost: options.url,
        ...(principal
          ? {
              credential: {
                type: 'clientSecret',
                tenantId: scenario.azure.tenantId,
                clientId: principal.clientId,
                clientSecret: principal.clientSecret,
              },
            }
          : {}),
        subscriptions,
      },
      dockerHub: {
        apiUrl: options.url,
        registryAuthUrl: `${options.url}/token`,
      },
      caFile: options.caFile,
    },
  };
  const header = [
    `Defender for Containers plugins → azure-dockerhub-emulator at ${options.url}${
      options.scenarioName ? ` (scenario ${options.scenarioName})` : ''
    }.`,
    'Every id and secret below exists only in the emulator. For real Azure, remove the endpoints,',
    'caFile and credential values shown here and configure your own.',
  ];
  return `${header.map(l => `# ${l}`).join('\n')}\n${YAML.stringify(block, { lineWidth: 0 })}`;
}
