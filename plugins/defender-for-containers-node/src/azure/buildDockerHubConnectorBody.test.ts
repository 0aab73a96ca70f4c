import { buildDockerHubConnectorBody } from './buildDockerHubConnectorBody';

describe('buildDockerHubConnectorBody', () => {
  it('builds the Docker Hub connector body of the 2024-08-01-preview spec; Foundational CSPM is always on', () => {
    expect(
      buildDockerHubConnectorBody({
        organization: 'acme',
        username: 'mdcuser',
        accessToken: 'tok',
        location: 'westeurope',
        scanIntervalHours: 12,
        plans: { defenderForContainers: true, defenderCspm: false },
        tags: { 'backstage-owner': 'group:default/team-a' },
      }),
    ).toEqual({
      location: 'westeurope',
      tags: { 'backstage-owner': 'group:default/team-a' },
      properties: {
        hierarchyIdentifier: 'acme',
        environmentName: 'DockerHub',
        environmentData: {
          environmentType: 'DockerHubOrganization',
          authentication: {
            authenticationType: 'AccessToken',
            username: 'mdcuser',
            accessToken: 'tok',
          },
          scanInterval: 12,
        },
        offerings: [
          { offeringType: 'CspmMonitorDockerHub' },
          { offeringType: 'DefenderForContainersDockerHub' },
        ],
      },
    });
  });
});
