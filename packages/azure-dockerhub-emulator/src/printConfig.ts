import YAML from 'yaml';
import { WRITE_ROLES } from './arm/armAuth';
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
 *
 * Only subscriptions that work as they are: one whose `Microsoft.Security` provider is not
 * registered fails every refresh with a 409 and every onboarding, which is a scenario to try on
 * purpose, not what an adopter's first start should log. A subscription the principal may only
 * read stays, marked: refreshes read it, and onboarding into it is refused by the checks.
 */
export function emulatorAppConfig(
  scenario: Scenario,
  options: EmulatorConfigOptions,
): string {
  const principal = scenario.azure.principals[0];
  const usable = scenario.azure.subscriptions.filter(
    s =>
      s.registrationState === 'Registered' &&
      (!principal || principal.roles[s.id] !== undefined),
  );
  const subscriptions = usable.map(s => ({
    id: s.id,
    displayName: s.displayName,
    ...(s.resourceGroups.length
      ? { resourceGroups: s.resourceGroups.map(g => g.name) }
      : {}),
    ...(s.resourceGroups.length
      ? { defaults: { location: s.resourceGroups[0].location } }
      : {}),
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
      catalog: { defaultOwner: 'group:default/guests' },
    },
  };
  const header = [
    `Defender for Containers plugins → azure-dockerhub-emulator at ${
      options.url
    }${options.scenarioName ? ` (scenario ${options.scenarioName})` : ''}.`,
    'Every id and secret below exists only in the emulator. For real Azure, remove the endpoints,',
    'caFile and credential values shown here and configure your own.',
  ];
  const doc = new YAML.Document(block);
  usable.forEach((s, i) => {
    const role = principal?.roles[s.id];
    if (role && !WRITE_ROLES.has(role)) {
      const item = doc.getIn(
        ['defenderForContainers', 'azure', 'subscriptions', i],
        true,
      ) as YAML.Node;
      item.commentBefore = ` ${role} only: read, never written (onboarding into it is refused)`;
    }
  });
  const catalog = doc.getIn(
    ['defenderForContainers', 'catalog'],
    true,
  ) as YAML.Node;
  catalog.commentBefore =
    ' Owner of the demo connectors without a backstage-owner tag (initech): the example group of a new create-app app';
  return `${header.map(l => `# ${l}`).join('\n')}\n${doc.toString({
    lineWidth: 0,
  })}`;
}
