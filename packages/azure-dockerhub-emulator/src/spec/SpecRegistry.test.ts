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
      authentication: {
        authenticationType: 'AccessToken',
        username: 'u',
        accessToken: 't',
      },
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
const connectorIssues = (body: unknown) =>
  registry.validateRequest('SecurityConnectors_CreateOrUpdate', input(body));

describe('SpecRegistry', () => {
  it('accepts a schema-valid Docker Hub connector', () => {
    expect(connectorIssues(dockerHubConnector())).toEqual([]);
  });

  it('names the property when the discriminated environment data is wrong', () => {
    const body = dockerHubConnector();
    (body.properties.environmentData as any).scanInterval = 'daily';
    expect(connectorIssues(body)).toEqual([
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
    const issues = connectorIssues(body);
    expect(issues.map(i => i.name).sort()).toEqual([
      'properties.environmentData.environmentType',
      'properties.environmentName',
    ]);
  });

  it('validates discriminated nested types (authentication)', () => {
    const body = dockerHubConnector();
    (body.properties.environmentData.authentication as any).username = 42;
    expect(connectorIssues(body)).toEqual([
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
      registry
        .validateRequest('SecurityConnectors_CreateOrUpdate', bad)
        .map(i => i.name),
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
    expect(
      registry
        .validateResponse('SecurityConnectors_Get', 200, bad)
        .map(i => i.name),
    ).toEqual(['properties.environmentData.scanInterval']);
    expect(
      registry.validateResponse('SecurityConnectors_Get', 200, response()),
    ).toEqual([]);
    expect(
      registry.validateResponse('AuthCreateAccessToken', 404, {})[0].message,
    ).toMatch(/not documented/);
  });

  it('treats modelAsString enums as open in responses only', () => {
    const extended = response();
    extended.properties.environmentName = 'SomeFutureCloud';
    expect(
      registry.validateResponse('SecurityConnectors_Get', 200, extended),
    ).toEqual([]);
  });
});

describe('SpecRegistry: our schemas for the routes no shipped spec describes', () => {
  it.each([
    ['GET', '/subscriptions/s/providers/Microsoft.Security', 'Providers_Get'],
    [
      'POST',
      '/subscriptions/s/providers/Microsoft.Security/register',
      'Providers_Register',
    ],
    [
      'GET',
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Authorization/permissions',
      'Permissions_ListForResourceGroup',
    ],
    ['GET', '/v2/user/orgs/', 'ListUserOrgs'],
    ['GET', '/token', 'RegistryToken'],
    ['POST', '/t/oauth2/v2.0/token', 'EntraToken'],
    ['GET', '/t/v2.0/.well-known/openid-configuration', 'OpenIdConfiguration'],
    ['GET', '/common/discovery/instance', 'InstanceDiscovery'],
    ['GET', '/t/discovery/v2.0/keys', 'DiscoveryKeys'],
  ])('checks %s %s against ours (%s)', (method, routePath, id) => {
    expect(registry.responseRoute(method, routePath)).toEqual({
      id,
      origin: 'ours',
    });
  });

  it('keeps the official specs for the routes they describe', () => {
    expect(
      registry.responseRoute('GET', '/v2/namespaces/acme/repositories'),
    ).toEqual({
      id: 'listNamespaceRepositories',
      origin: 'official',
      source: 'dockerhub',
    });
    expect(
      registry.responseRoute(
        'PUT',
        '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/c',
      ),
    ).toMatchObject({
      id: 'SecurityConnectors_CreateOrUpdate',
      origin: 'official',
    });
  });

  const org = {
    id: 'a1',
    uuid: 'a-1',
    orgname: 'acme',
    full_name: 'acme',
    location: '',
    company: '',
    profile_url: '',
    date_joined: '2024-01-01T00:00:00Z',
    gravatar_email: '',
    gravatar_url: '',
    type: 'Organization',
    badge: 'team',
    is_active: true,
    user_role: 'editor',
    user_groups: [],
    org_groups_count: 1,
    plan_name: 'team',
    parent_name: null,
  };
  it.each([
    [
      'Providers_Get',
      200,
      {
        id: '/subscriptions/s/providers/Microsoft.Security',
        namespace: 'Microsoft.Security',
        registrationState: 'Registered',
        resourceTypes: [],
      },
      (b: any) => {
        b.registrationState = 'registered';
      },
      'registrationState',
    ],
    [
      'Providers_Register',
      409,
      { error: { code: 'Conflict', message: 'm' } },
      (b: any) => {
        delete b.error.message;
      },
      'error.message',
    ],
    [
      'Permissions_ListForResourceGroup',
      200,
      {
        value: [
          {
            actions: ['*/read'],
            notActions: [],
            dataActions: [],
            notDataActions: [],
          },
        ],
      },
      (b: any) => {
        b.value[0].actions = '*/read';
      },
      'value.0.actions',
    ],
    [
      'ListUserOrgs',
      200,
      { count: 1, next: null, previous: null, results: [org] },
      (b: any) => {
        b.results[0].user_role = 'Editor';
      },
      'results.0.user_role',
    ],
    [
      'ListUserOrgs',
      403,
      { detail: 'no', message: 'no' },
      (b: any) => {
        b.text = 'no';
      },
      'text',
    ],
    [
      'RegistryToken',
      200,
      {
        token: 't',
        access_token: 't',
        expires_in: 300,
        issued_at: '2026-01-01T00:00:00Z',
      },
      (b: any) => {
        delete b.expires_in;
      },
      'expires_in',
    ],
    [
      'RegistryToken',
      401,
      { details: 'incorrect username or password' },
      (b: any) => {
        b.details = 1;
      },
      'details',
    ],
    [
      'EntraToken',
      200,
      {
        token_type: 'Bearer',
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: 'jwt',
      },
      (b: any) => {
        b.token_type = 'bearer';
      },
      'token_type',
    ],
    [
      'EntraToken',
      401,
      { error: 'invalid_client', error_description: 'AADSTS7000215: …' },
      (b: any) => {
        delete b.error_description;
      },
      'error_description',
    ],
    [
      'OpenIdConfiguration',
      200,
      {
        issuer: 'i',
        token_endpoint: 't',
        authorization_endpoint: 'a',
        jwks_uri: 'j',
        extra: 1,
      },
      (b: any) => {
        delete b.token_endpoint;
      },
      'token_endpoint',
    ],
    [
      'DiscoveryKeys',
      200,
      { keys: [] },
      (b: any) => {
        b.keys = {};
      },
      'keys',
    ],
  ])(
    '%s %s: accepts the shape and flags a violation',
    (id, status, good, breakIt, name) => {
      expect(registry.validateResponse(id, status, good)).toEqual([]);
      const bad = JSON.parse(JSON.stringify(good));
      breakIt(bad);
      expect(
        registry.validateResponse(id, status, bad).map(i => i.name),
      ).toEqual([name]);
    },
  );
});
