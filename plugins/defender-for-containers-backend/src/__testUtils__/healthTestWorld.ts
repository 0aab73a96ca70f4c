import type {
  FaultSpec,
  ScenarioInput,
} from '@defender-backstage/azure-dockerhub-emulator';
import {
  buildDockerHubConnectorBody,
  type DefenderArmClient,
} from '@defender-backstage/plugin-defender-for-containers-node';
import {
  ADMIN,
  TENANT,
} from '@defender-backstage/plugin-defender-for-containers-node/testUtils';

/** The health tests' world: ids and fake secrets that exist only in the emulator. */
export const PROD = '00000000-0000-0000-0000-0000000000d1';
export const TEAM = '00000000-0000-0000-0000-0000000000d2';
/** Readable by the Backstage identity, but not in defenderForContainers.azure.subscriptions. */
export const FOREIGN = '00000000-0000-0000-0000-0000000000d3';
/** Allowed, but Microsoft.Security is not registered there (so it cannot hold connectors). */
export const UNREGISTERED = '00000000-0000-0000-0000-0000000000d4';
export const RG = 'rg-connectors';
/**
 * The emulator clock starts at the real time (whole seconds): the SDK judges token expiry by the
 * real clock, the emulator by its own, and they must agree.
 */
export const START = new Date(
  Math.floor(Date.now() / 1000) * 1000,
).toISOString();
export const ACME_TOKEN = 'dckr_pat_healthAcmeReadToken00000001';
export const INITECH_TOKEN = 'dckr_pat_healthInitechRevoked0000001';
export const TEAM_TOKEN = 'dckr_pat_healthTeamReadToken000000001';
export const TOKENS = [ACME_TOKEN, INITECH_TOKEN, TEAM_TOKEN];

export const connectorIdOf = (subscription: string, name: string) =>
  `/subscriptions/${subscription}/resourceGroups/${RG}/providers/Microsoft.Security/securityConnectors/${name}`;
export const ACME = connectorIdOf(PROD, 'dockerhub-acme');
export const INITECH = connectorIdOf(PROD, 'dockerhub-initech');
export const GLOBEX = connectorIdOf(PROD, 'dockerhub-globex');
export const HOOLI = connectorIdOf(FOREIGN, 'dockerhub-hooli');
export const TEAM_ORGS = ['team1', 'team2', 'team3', 'team4'];
/** `defenderForContainers.azure.subscriptions` of the health tests: FOREIGN is left out. */
export const ALLOWED_SUBSCRIPTIONS = [
  { id: PROD, displayName: 'Production' },
  { id: TEAM, displayName: 'Team' },
];

const editor = (user: string) => [{ user, role: 'editor' as const }];
const VA = ['CspmMonitorDockerHub', 'DefenderForContainersDockerHub'] as const;

/**
 * PROD: acme (healthy, findings in two private repositories), initech (token revoked →
 * unhealthy), globex (created at START, so pending until the emulator's health delay passed).
 * TEAM: four healthy connectors, more than the page size of 2. FOREIGN: hooli, which Backstage
 * must never show. Connector responses echo the stored token, as the spec allows.
 */
export const healthScenario: ScenarioInput = {
  startTime: START,
  azure: {
    tenantId: TENANT,
    healthDelaySeconds: 60,
    pageSize: 2,
    echoAccessToken: true,
    principals: [
      {
        ...ADMIN,
        displayName: 'backstage',
        roles: {
          [PROD]: 'Security Admin',
          [TEAM]: 'Security Admin',
          [FOREIGN]: 'Security Reader',
          [UNREGISTERED]: 'Security Admin',
        },
      },
    ],
    subscriptions: [
      {
        id: PROD,
        displayName: 'Production',
        plans: { Containers: 'Standard', CloudPosture: 'Free' },
        resourceGroups: [{ name: RG, location: 'westeurope' }],
      },
      {
        id: TEAM,
        displayName: 'Team',
        plans: { Containers: 'Free', CloudPosture: 'Standard' },
        resourceGroups: [{ name: RG, location: 'westeurope' }],
      },
      {
        id: UNREGISTERED,
        displayName: 'New team',
        registrationState: 'NotRegistered',
        resourceGroups: [{ name: RG, location: 'westeurope' }],
      },
      {
        id: FOREIGN,
        displayName: 'Foreign',
        plans: { Containers: 'Standard', CloudPosture: 'Standard' },
        resourceGroups: [{ name: RG, location: 'westeurope' }],
      },
    ],
    connectors: [
      {
        subscriptionId: PROD,
        resourceGroup: RG,
        name: 'dockerhub-acme',
        organization: 'acme',
        username: 'mdc-acme',
        token: ACME_TOKEN,
        scanInterval: 12,
        offerings: [...VA],
        // the onboarding action's owner tag, as an entity ref
        tags: { 'backstage-owner': 'group:default/payments' },
      },
      {
        subscriptionId: PROD,
        resourceGroup: RG,
        name: 'dockerhub-initech',
        organization: 'initech',
        username: 'mdc-initech',
        token: INITECH_TOKEN,
        offerings: [...VA],
      },
      {
        subscriptionId: PROD,
        resourceGroup: RG,
        name: 'dockerhub-globex',
        organization: 'globex',
        username: 'mdc-team',
        token: TEAM_TOKEN,
        createdAt: START,
        offerings: [...VA],
      },
      ...TEAM_ORGS.map(org => ({
        subscriptionId: TEAM,
        resourceGroup: RG,
        name: `dockerhub-${org}`,
        organization: org,
        username: 'mdc-team',
        token: TEAM_TOKEN,
        offerings: [...VA],
        // written by hand in the portal: a bare group name on team1, nonsense on team2
        ...(org === 'team1' ? { tags: { 'backstage-owner': 'Payments' } } : {}),
        ...(org === 'team2'
          ? { tags: { 'backstage-owner': 'not an owner' } }
          : {}),
      })),
      {
        subscriptionId: FOREIGN,
        resourceGroup: RG,
        name: 'dockerhub-hooli',
        organization: 'hooli',
        username: 'mdc-team',
        token: TEAM_TOKEN,
        offerings: [...VA],
      },
    ],
  },
  dockerHub: {
    users: [
      { username: 'mdc-acme', email: 'mdc-acme@acme.example' },
      { username: 'mdc-initech', email: 'mdc-initech@initech.example' },
      { username: 'mdc-team', email: 'mdc-team@team.example' },
    ],
    orgs: [
      {
        name: 'acme',
        members: editor('mdc-acme'),
        repositories: [
          {
            name: 'payments-api',
            tags: [
              {
                name: '1.0.0',
                findings: { critical: 2, high: 1, medium: 3, low: 1 },
              },
              {
                name: '1.1.0',
                findings: { critical: 0, high: 2, medium: 0, low: 0 },
              },
            ],
          },
          {
            name: 'web',
            tags: [
              {
                name: 'latest',
                findings: { critical: 1, high: 0, medium: 1, low: 0 },
              },
            ],
          },
          { name: 'docs', private: false, tags: ['latest'] },
        ],
      },
      {
        name: 'initech',
        members: editor('mdc-initech'),
        repositories: [{ name: 'billing' }],
      },
      ...['globex', 'hooli', ...TEAM_ORGS].map(name => ({
        name,
        members: editor('mdc-team'),
        repositories: [
          {
            name: 'svc',
            tags: [
              {
                name: '1.0',
                findings: { critical: 0, high: 1, medium: 0, low: 0 },
              },
            ],
          },
        ],
      })),
    ],
    tokens: [
      { secret: ACME_TOKEN, user: 'mdc-acme', scope: 'read' },
      {
        secret: INITECH_TOKEN,
        user: 'mdc-initech',
        scope: 'read',
        revoked: true,
      },
      { secret: TEAM_TOKEN, user: 'mdc-team', scope: 'read' },
    ],
  },
};

/** The health world before hooli was onboarded anywhere. */
export const worldWithoutHooli: ScenarioInput = {
  ...healthScenario,
  azure: {
    ...healthScenario.azure,
    connectors: healthScenario.azure!.connectors!.filter(
      c => c.organization !== 'hooli',
    ),
  },
};

/** Creates hooli's connector at `connectorId` as the scaffolder's onboarding does. */
export const onboardHooli = (arm: DefenderArmClient, connectorId: string) =>
  arm.putSecurityConnector(
    connectorId,
    buildDockerHubConnectorBody({
      organization: 'hooli',
      username: 'mdc-team',
      accessToken: TEAM_TOKEN,
      location: 'westeurope',
      scanIntervalHours: 24,
      plans: { defenderForContainers: true, defenderCspm: false },
    }),
  );

/** A fault for `emu.injectFault`: listing the subscription's connectors is refused (403). */
export const connectorListingForbidden = (
  subscriptionId: string,
): FaultSpec => ({
  route: new RegExp(
    `^GET /subscriptions/${subscriptionId}/providers/Microsoft.Security/securityConnectors$`,
    'i',
  ),
  kind: 'status',
  status: 403,
});
