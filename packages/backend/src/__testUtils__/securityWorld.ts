import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import type { ScenarioInput } from '@defender-backstage/azure-dockerhub-emulator';
import {
  ADMIN,
  RG,
  SUB,
  TENANT,
  productionSubscription,
} from '@defender-backstage/plugin-defender-for-containers-node/testUtils';

/** The security suite's world; every id and secret is fake and lives only in the emulator. */
export { RG, SUB, TENANT };
/** Backstage's identity may write here, but it is not in defenderForContainers.azure.subscriptions. */
export const FOREIGN = '00000000-0000-0000-0000-0000000000f9';
export const TOKEN = 'dckr_pat_securitySuiteReadToken0000001';
export const WRITE_TOKEN = 'dckr_pat_securitySuiteWriteToken000001';
/** Well-formed but unknown to Docker Hub: bad-input runs must stop before using it. */
export const FAKE_TOKEN = 'dckr_pat_badInputNeverSentFAKE0000001';
export const FOREIGN_OWNER = 'group:default/hooli-owners';
export const FOREIGN_CONNECTOR = `/subscriptions/${FOREIGN}/resourceGroups/${RG}/providers/Microsoft.Security/securityConnectors/dockerhub-hooli`;

export const scenario: ScenarioInput = {
  azure: {
    tenantId: TENANT,
    echoAccessToken: true,
    healthDelaySeconds: 0,
    principals: [
      {
        ...ADMIN,
        displayName: 'backstage',
        roles: { [SUB]: 'Security Admin', [FOREIGN]: 'Security Admin' },
      },
    ],
    subscriptions: [
      productionSubscription(),
      {
        id: FOREIGN,
        displayName: 'Foreign',
        plans: { Containers: 'Standard', CloudPosture: 'Standard' },
        resourceGroups: [{ name: RG, location: 'westeurope' }],
      },
    ],
    connectors: [
      {
        subscriptionId: FOREIGN,
        resourceGroup: RG,
        name: 'dockerhub-hooli',
        organization: 'hooli',
        username: 'mdcuser',
        token: TOKEN,
        // Read into the owners list while FOREIGN was configured: it must not show afterwards.
        tags: { 'backstage-owner': FOREIGN_OWNER },
      },
    ],
  },
  dockerHub: {
    users: [{ username: 'mdcuser', email: 'mdc@acme.example' }],
    orgs: [
      {
        name: 'acme',
        members: [{ user: 'mdcuser', role: 'editor' }],
        repositories: [
          { name: 'api', private: true },
          { name: 'docs', private: false },
        ],
      },
      {
        name: 'hooli',
        members: [{ user: 'mdcuser', role: 'editor' }],
        repositories: [{ name: 'svc', private: true }],
      },
    ],
    tokens: [
      { secret: TOKEN, user: 'mdcuser', scope: 'read' },
      { secret: WRITE_TOKEN, user: 'mdcuser', scope: 'write' },
    ],
  },
};

const template = (
  name: string,
  steps: JsonObject[],
  parameters: JsonObject[] = [],
): Entity => ({
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name, namespace: 'default' },
  spec: {
    owner: 'group:default/platform',
    type: 'security',
    parameters,
    steps,
  },
});

/**
 * "Another template": passes whatever it was given straight to the action, as a template author
 * reusing the actions would (no form in front of it to catch bad values).
 */
export const rawTemplates = ['validate', 'onboard', 'offboard'].map(action =>
  template(`raw-${action}`, [
    {
      id: action,
      name: action,
      action: `defender:dockerhub:${action}`,
      input: '${{ parameters.input }}',
    },
  ]),
);

/** The onboarding as the shipped template runs it: the token only as a secret. */
export const onboardTemplate = template('secure-onboard', [
  {
    id: 'onboard',
    name: 'onboard',
    action: 'defender:dockerhub:onboard',
    input: {
      organization: '${{ parameters.organization }}',
      username: '${{ parameters.username }}',
      accessToken: '${{ secrets.accessToken }}',
      subscriptionId: '${{ parameters.subscriptionId }}',
      resourceGroup: RG,
      location: 'westeurope',
    },
  },
]);

export const offboardTemplate = template('secure-offboard', [
  {
    id: 'offboard',
    name: 'offboard',
    action: 'defender:dockerhub:offboard',
    input: {
      organization: '${{ parameters.organization }}',
      confirmation: '${{ parameters.organization }}',
    },
  },
]);

/**
 * An organization's connector Resource as the plugin's catalog provider makes it (the per-team
 * read scope shows a connector only to whoever may read this entity).
 */
export const connectorResource = (
  org: string,
  subscription: string,
): Entity => {
  const id = `/subscriptions/${subscription}/resourceGroups/${RG}/providers/Microsoft.Security/securityConnectors/dockerhub-${org}`;
  const location = `defender-for-containers-connectors:${id.toLowerCase()}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `defender-dockerhub-${org}`,
      namespace: 'default',
      annotations: {
        'microsoft.com/defender-connector-id': id,
        'microsoft.com/defender-dockerhub-organization': org,
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
      },
    },
    spec: { type: 'defender-connector', owner: 'group:default/platform' },
  };
};

export const component = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: {
    type: 'service',
    owner: 'group:default/platform',
    lifecycle: 'production',
  },
});
