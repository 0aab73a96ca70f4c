import { InputError } from '@backstage/errors';
import type { AllowedSubscription } from '@defender-backstage/plugin-defender-for-containers-common';
import type { SecurityConnector } from '@defender-backstage/plugin-defender-for-containers-node';
import { parseOnboardingInput } from './parseOnboardingInput';
import { resolveConnectorSettings } from './resolveConnectorSettings';

const SUB = '00000000-0000-0000-0000-000000000001';
const withDefaults: AllowedSubscription = {
  id: SUB,
  displayName: 'Production',
  resourceGroups: ['rg-defender'],
  defaults: {
    resourceGroup: 'rg-defender',
    location: 'westeurope',
    scanIntervalHours: 24,
    defenderForContainers: true,
    defenderCspm: false,
  },
};
/** A subscription with only a default resource group. */
const bare: AllowedSubscription = {
  ...withDefaults,
  defaults: { resourceGroup: 'rg-defender' },
};
const required = {
  organization: 'acme',
  username: 'mdcuser',
  accessToken: 'dckr_pat_abcdefghijklmnopqrstuvwxyz0',
  subscriptionId: SUB,
};
const parse = (
  patch: Record<string, unknown> = {},
  subscription = withDefaults,
) => parseOnboardingInput({ ...required, ...patch }, [subscription]);

/** A connector as ARM returns it: CSPM only, every 6 hours, in North Europe, with tags. */
const existing: SecurityConnector = {
  id: `/subscriptions/${SUB}/resourceGroups/rg-defender/providers/Microsoft.Security/securityConnectors/dockerhub-acme`,
  name: 'dockerhub-acme',
  location: 'North Europe',
  etag: '"1"',
  tags: {
    'backstage-owner': 'group:default/team-a',
    'backstage-system': 'containers',
    'cost-center': '42',
  },
  properties: {
    hierarchyIdentifier: 'acme',
    environmentName: 'DockerHub',
    offerings: [
      { offeringType: 'CspmMonitorDockerHub' },
      { offeringType: 'DefenderCspmDockerHub' },
    ],
    environmentData: {
      environmentType: 'DockerHubOrganization',
      scanInterval: 6,
      authentication: {
        authenticationType: 'AccessToken',
        username: 'mdcuser',
      },
    },
  },
} as SecurityConnector;

const settings = (i: ReturnType<typeof parse>) => ({
  location: i.location,
  plans: i.plans,
  scanIntervalHours: i.scanIntervalHours,
  tags: i.tags,
});

describe('resolveConnectorSettings', () => {
  it('new connector: input, else subscription defaults, else built-in defaults', () => {
    expect(settings(resolveConnectorSettings(parse(), undefined))).toEqual({
      location: 'westeurope',
      plans: { defenderForContainers: true, defenderCspm: false },
      scanIntervalHours: 24,
      tags: {},
    });
    expect(
      settings(
        resolveConnectorSettings(
          parse({ location: 'eastus', owner: 'group:default/team-b' }, bare),
          undefined,
        ),
      ),
    ).toEqual({
      location: 'eastus',
      plans: { defenderForContainers: true, defenderCspm: false },
      scanIntervalHours: 24,
      tags: { 'backstage-owner': 'group:default/team-b' },
    });
  });

  it('existing connector: what is not given keeps its current value', () => {
    expect(settings(resolveConnectorSettings(parse(), existing))).toEqual({
      location: 'northeurope',
      plans: { defenderForContainers: false, defenderCspm: true },
      scanIntervalHours: 6,
      tags: existing.tags,
    });
  });

  it('existing connector: explicit inputs change only themselves', () => {
    expect(
      settings(
        resolveConnectorSettings(
          parse({
            location: 'North Europe',
            scanIntervalHours: 12,
            plans: { defenderForContainers: true },
            system: 'registry',
          }),
          existing,
        ),
      ),
    ).toEqual({
      location: 'northeurope',
      plans: { defenderForContainers: true, defenderCspm: true },
      scanIntervalHours: 12,
      tags: { ...existing.tags, 'backstage-system': 'registry' },
    });
  });

  it('existing connector: the tags input replaces the further tags, not owner and system', () => {
    expect(
      resolveConnectorSettings(parse({ tags: { env: 'prod' } }), existing).tags,
    ).toEqual({
      'backstage-owner': 'group:default/team-a',
      'backstage-system': 'containers',
      env: 'prod',
    });
  });

  it('existing connector without a default location in the subscription keeps its own', () => {
    expect(resolveConnectorSettings(parse({}, bare), existing).location).toBe(
      'northeurope',
    );
  });

  it('refuses a location the connector is not in: ARM cannot move it', () => {
    expect(() =>
      resolveConnectorSettings(parse({ location: 'westeurope' }), existing),
    ).toThrow(
      new InputError(
        "location westeurope differs from dockerhub-acme's northeurope, and Azure cannot move a connector to another region. Leave location empty to keep northeurope, or offboard the connector and onboard it again in westeurope.",
      ),
    );
  });

  it('a new connector needs a location from the input or the subscription', () => {
    expect(() => resolveConnectorSettings(parse({}, bare), undefined)).toThrow(
      'location is required: subscription Production has no default location',
    );
  });

  it('falls back to the defaults for what the existing connector lacks', () => {
    const sparse = {
      ...existing,
      tags: undefined,
      properties: { hierarchyIdentifier: 'acme' },
    } as SecurityConnector;
    expect(settings(resolveConnectorSettings(parse(), sparse))).toEqual({
      location: 'northeurope',
      plans: { defenderForContainers: true, defenderCspm: false },
      scanIntervalHours: 24,
      tags: {},
    });
  });
});
