import {
  describeConnector,
  dockerHubOrganizationOf,
  isDockerHubConnectorOf,
} from './dockerHubConnector';

const connector = (environmentName?: string, hierarchyIdentifier?: string) => ({
  id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/c',
  name: 'c',
  properties: { environmentName, hierarchyIdentifier },
});

describe('Docker Hub connector predicates', () => {
  it('reads the organization of Docker Hub connectors only, whatever ARM’s casing', () => {
    expect(dockerHubOrganizationOf(connector('DockerHub', 'Acme'))).toBe(
      'Acme',
    );
    expect(dockerHubOrganizationOf(connector('dockerhub', 'acme'))).toBe(
      'acme',
    );
    expect(
      dockerHubOrganizationOf(connector('AWS', '123456789012')),
    ).toBeUndefined();
    expect(dockerHubOrganizationOf({ id: 'x', name: 'x' })).toBeUndefined();
  });

  it('matches an organization case-insensitively and never another environment', () => {
    expect(isDockerHubConnectorOf(connector('DockerHub', 'Acme'), 'acme')).toBe(
      true,
    );
    expect(
      isDockerHubConnectorOf(connector('DockerHub', 'globex'), 'acme'),
    ).toBe(false);
    expect(isDockerHubConnectorOf(connector('GitHub', 'acme'), 'acme')).toBe(
      false,
    );
  });

  it('describes a connector for messages', () => {
    expect(describeConnector(connector('AWS', '123'))).toBe(
      "a AWS connector for '123'",
    );
    expect(describeConnector({ id: 'x', name: 'x' })).toBe(
      "a different connector for '?'",
    );
  });
});
