import type { ScenarioInput } from '@defender-backstage/azure-dockerhub-emulator';

/**
 * Ids and secrets of the test scenarios; secrets are fake and live only in the emulator. Shared
 * by every package's emulator tests, each with its own world around them.
 */
/** @public */
export const TENANT = '00000000-0000-0000-0000-0000000000aa';
/** @public */
export const ADMIN = {
  clientId: '00000000-0000-0000-0000-0000000000b1',
  clientSecret: 'emu-admin-secret',
};
/** @public */
export const READER = {
  clientId: '00000000-0000-0000-0000-0000000000b2',
  clientSecret: 'emu-reader-secret',
};
/** @public */
export const SUB = '00000000-0000-0000-0000-000000000001';
/** @public */
export const SUB_B = '00000000-0000-0000-0000-000000000002';
/** @public */
export const RG = 'rg-defender';
/** @public */
export const READ_TOKEN = 'dckr_pat_mdcReadOnlyToken000000000001';
/** @public */
export const WRITE_TOKEN = 'dckr_pat_mdcReadWriteToken00000000002';

/**
 * Subscription SUB of every test world: registered, Defender for Containers on, one group RG.
 * A fresh object per call: tests change their copy of a world.
 * @public
 */
export function productionSubscription(): NonNullable<
  ScenarioInput['azure']['subscriptions']
>[number] {
  return {
    id: SUB,
    displayName: 'Production',
    plans: { Containers: 'Standard', CloudPosture: 'Free' },
    resourceGroups: [{ name: RG, location: 'westeurope' }],
  };
}

/**
 * A small world for the clients' tests: one admin principal, one reader, two subscriptions
 * (Staging's Microsoft.Security not registered), three organizations, page size 2.
 * @public
 */
export const clientTestScenario: ScenarioInput = {
  azure: {
    tenantId: TENANT,
    principals: [
      {
        ...ADMIN,
        displayName: 'backstage',
        roles: { [SUB]: 'Security Admin', [SUB_B]: 'Security Admin' },
      },
      { ...READER, displayName: 'reader', roles: { [SUB]: 'Reader' } },
    ],
    subscriptions: [
      productionSubscription(),
      {
        id: SUB_B,
        displayName: 'Staging',
        registrationState: 'NotRegistered',
        resourceGroups: [{ name: RG, location: 'westeurope' }],
      },
    ],
    healthDelaySeconds: 60,
    pageSize: 2,
  },
  dockerHub: {
    orgs: [
      {
        name: 'acme',
        members: [{ user: 'mdcuser', role: 'editor' }],
        repositories: [
          { name: 'api', private: true },
          { name: 'web', private: true },
          { name: 'docs', private: false },
        ],
      },
      {
        name: 'bigorg',
        members: [{ user: 'mdcuser', role: 'editor' }],
        repositories: Array.from({ length: 130 }, (_, i) => ({
          name: `repo-${String(i).padStart(3, '0')}`,
          private: i % 2 === 0,
        })),
      },
      {
        name: 'memberorg',
        members: [{ user: 'mdcuser', role: 'member' }],
        repositories: [{ name: 'svc', private: true }],
      },
    ],
    users: [{ username: 'mdcuser', email: 'mdc_user@contoso.com' }],
    tokens: [
      { secret: READ_TOKEN, user: 'mdcuser', scope: 'read' },
      { secret: WRITE_TOKEN, user: 'mdcuser', scope: 'write' },
    ],
  },
};

/**
 * Resource Graph query for the Docker Hub connectors, as Defender for Cloud's own workbooks write
 * it (https://github.com/Azure/Microsoft-Defender-for-Cloud); the emulator answers this shape
 * (`dockerHubConnectors`), one row per connector with its `organization`.
 * @public
 */
export const DOCKER_HUB_CONNECTORS_QUERY = `resources
| where type == "microsoft.security/securityconnectors"
| extend environmentName = tolower(tostring(properties['environmentName']))
| where environmentName == "dockerhub"
| project id, name, subscriptionId, resourceGroup, location,
          organization = tostring(properties['hierarchyIdentifier']),
          scanInterval = toint(properties.environmentData.scanInterval),
          offerings = properties.offerings`;
