import path from 'node:path';
import { SpecRegistry } from './SpecRegistry';

const registry = SpecRegistry.load(path.resolve(__dirname, '../../specs'));

const dockerHubConnector = () => ({
  location: 'westeurope',
  properties: {
    hierarchyIdentifier: 'acme',
    environmentName: 'DockerHub',
    environmentData: {
      environmentType: 'DockerHubOrganization',
      authentication: { authenticationType: 'AccessToken', username: 'u', accessToken: 't' },
      scanInterval: 24,
    },
    offerings: [{ offeringType: 'DefenderForContainersDockerHub' }],
  },
});

const input = (body: unknown) => ({
  path: {
    subscriptionId: '11111111-1111-1111-1111-111111111111',
    resourceGroupName: 'rg',
    securityConnectorName: 'c',
  },
  query: new URLSearchParams({ 'api-version': '2024-08-01-preview' }),
  body,
});

describe('SpecRegistry', () => {
  it('accepts a schema-valid Docker Hub connector', () => {
    expect(
      registry.validateRequest('SecurityConnectors_CreateOrUpdate', input(dockerHubConnector())),
    ).toEqual([]);
  });

  it('names the property when the discriminated environment data is wrong', () => {
    const body = dockerHubConnector();
    (body.properties.environmentData as any).scanInterval = 'daily';
    expect(
      registry.validateRequest('SecurityConnectors_CreateOrUpdate', input(body)),
    ).toEqual([
      {
        location: 'body',
        name: 'properties.environmentData.scanInterval',
        message: 'must be integer',
      },
    ]);
  });

  it('rejects an environmentName outside the enum and a missing discriminator', () => {
    const body = dockerHubConnector();
    body.properties.environmentName = 'Dockerhub';
    delete (body.properties.environmentData as any).environmentType;
    const issues = registry.validateRequest('SecurityConnectors_CreateOrUpdate', input(body));
    expect(issues.map(i => i.name).sort()).toEqual([
      'properties.environmentData.environmentType',
      'properties.environmentName',
    ]);
  });

  it('validates discriminated nested types (authentication)', () => {
    const body = dockerHubConnector();
    (body.properties.environmentData.authentication as any).username = 42;
    expect(
      registry.validateRequest('SecurityConnectors_CreateOrUpdate', input(body)),
    ).toEqual([
      {
        location: 'body',
        name: 'properties.environmentData.authentication.username',
        message: 'must be string',
      },
    ]);
  });

  it('validates path parameter patterns', () => {
    const bad = input(dockerHubConnector());
    bad.path.resourceGroupName = 'bad/name?';
    expect(
      registry.validateRequest('SecurityConnectors_CreateOrUpdate', bad).map(i => i.name),
    ).toEqual(['resourceGroupName']);
  });

  it('matches spec paths case-insensitively and extracts multi-segment scopes', () => {
    const m = registry.match(
      'azure',
      'GET',
      '/subscriptions/s/resourcegroups/rg/providers/microsoft.security/securityConnectors/c/providers/Microsoft.Security/healthReports',
    );
    expect(m?.op.id).toBe('HealthReports_List');
    expect(m?.params.scope).toBe(
      'subscriptions/s/resourcegroups/rg/providers/microsoft.security/securityConnectors/c',
    );
  });

  it('validates Docker Hub (OpenAPI 3) query parameters', () => {
    const issues = registry.validateRequest('listNamespaceRepositories', {
      path: { namespace: 'acme' },
      query: new URLSearchParams({ page_size: '500', ordering: 'stars' }),
      body: undefined,
    });
    expect(issues.map(i => i.name).sort()).toEqual(['ordering', 'page_size']);
  });
});

describe('SpecRegistry response validation', () => {
  const response = () => ({
    id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/c',
    name: 'c',
    type: 'Microsoft.Security/securityConnectors',
    location: 'westeurope',
    properties: dockerHubConnector().properties,
  });

  it('flags a response that violates the schema, and an undocumented status', () => {
    const bad = response();
    (bad.properties.environmentData as any).scanInterval = '24';
    expect(registry.validateResponse('SecurityConnectors_Get', 200, bad).map(i => i.name)).toEqual([
      'properties.environmentData.scanInterval',
    ]);
    expect(registry.validateResponse('SecurityConnectors_Get', 200, response())).toEqual([]);
    expect(registry.validateResponse('AuthCreateAccessToken', 404, {})[0].message).toMatch(/not documented/);
  });

  it('treats modelAsString enums as open in responses only', () => {
    const extended = response();
    extended.properties.environmentName = 'SomeFutureCloud';
    expect(registry.validateResponse('SecurityConnectors_Get', 200, extended)).toEqual([]);
  });
});
