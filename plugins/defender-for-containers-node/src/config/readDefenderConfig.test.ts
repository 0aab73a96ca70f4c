import { ConfigReader } from '@backstage/config';
import { readDefenderConfig } from './readDefenderConfig';

const SUB = '00000000-0000-0000-0000-000000000001';
const read = (defenderForContainers: unknown) =>
  readDefenderConfig(new ConfigReader({ defenderForContainers } as any));

describe('readDefenderConfig', () => {
  it('applies the public cloud defaults and normalises subscriptions', () => {
    const c = read({
      azure: {
        subscriptions: [
          {
            id: SUB,
            resourceGroups: ['rg-a'],
            defaults: { location: 'westeurope' },
          },
        ],
      },
    });
    expect(c.azure.armEndpoint).toBe('https://management.azure.com');
    expect(c.azure.authorityHost).toBe('https://login.microsoftonline.com');
    expect(c.azure.credential).toEqual({ type: 'default' });
    expect(c.dockerHub).toEqual({
      apiUrl: 'https://hub.docker.com',
      registryAuthUrl: 'https://auth.docker.io/token',
      registryService: 'registry.docker.io',
      allowUnprovenReadOnly: false,
    });
    expect(c.azure.subscriptions[0]).toMatchObject({
      id: SUB,
      displayName: SUB,
      resourceGroups: ['rg-a'],
      defaults: { resourceGroup: 'rg-a', location: 'westeurope' },
    });
  });

  it('reads the explicit opt-out dockerHub.allowUnprovenReadOnly (default false)', () => {
    const c = read({
      azure: { subscriptions: [{ id: SUB }] },
      dockerHub: { allowUnprovenReadOnly: true },
    });
    expect(c.dockerHub.allowUnprovenReadOnly).toBe(true);
  });

  it('strips trailing slashes from endpoints', () => {
    const c = read({
      azure: {
        armEndpoint: 'https://127.0.0.1:8443/',
        subscriptions: [{ id: SUB }],
      },
      dockerHub: { apiUrl: 'https://127.0.0.1:8443//' },
    });
    expect(c.azure.armEndpoint).toBe('https://127.0.0.1:8443');
    expect(c.dockerHub.apiUrl).toBe('https://127.0.0.1:8443');
  });

  it.each([
    [undefined, "'defenderForContainers.azure.subscriptions'"],
    [
      { azure: { subscriptions: [] } },
      "'defenderForContainers.azure.subscriptions'",
    ],
    [
      { azure: { subscriptions: [{ id: 'not-a-guid' }] } },
      "'defenderForContainers.azure.subscriptions[0].id'",
    ],
    [
      { azure: { subscriptions: [{ id: SUB }, { id: SUB.toUpperCase() }] } },
      "'defenderForContainers.azure.subscriptions[1].id'",
    ],
    [
      {
        azure: {
          armEndpoint: 'http://localhost',
          subscriptions: [{ id: SUB }],
        },
      },
      "'defenderForContainers.azure.armEndpoint'",
    ],
    [
      {
        azure: { subscriptions: [{ id: SUB }] },
        dockerHub: { apiUrl: 'nope' },
      },
      "'defenderForContainers.dockerHub.apiUrl'",
    ],
    [
      {
        azure: { subscriptions: [{ id: SUB }] },
        dockerHub: { allowUnprovenReadOnly: 'yes' },
      },
      "'defenderForContainers.dockerHub.allowUnprovenReadOnly'",
    ],
    [
      {
        azure: {
          credential: { type: 'clientSecret', tenantId: 't', clientId: 'c' },
          subscriptions: [{ id: SUB }],
        },
      },
      "'defenderForContainers.azure.credential.clientSecret'",
    ],
    [
      {
        azure: { credential: { type: 'magic' }, subscriptions: [{ id: SUB }] },
      },
      "'defenderForContainers.azure.credential.type'",
    ],
    [
      {
        azure: {
          subscriptions: [{ id: SUB, defaults: { scanIntervalHours: 25 } }],
        },
      },
      "'defenderForContainers.azure.subscriptions[0].defaults.scanIntervalHours'",
    ],
  ])('fails fast naming the key (%#)', (value, key) => {
    expect(() => read(value)).toThrow(key);
  });

  it('reads a client secret credential', () => {
    const c = read({
      azure: {
        credential: {
          type: 'clientSecret',
          tenantId: 't',
          clientId: 'c',
          clientSecret: 's',
        },
        subscriptions: [{ id: SUB }],
      },
    });
    expect(c.azure.credential).toEqual({
      type: 'clientSecret',
      tenantId: 't',
      clientId: 'c',
      clientSecret: 's',
    });
  });

  describe('portal links', () => {
    const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    it('carry azure.tenantId, else the credential tenant, else none', () => {
      const credential = {
        type: 'clientSecret',
        tenantId: TENANT,
        clientId: 'c',
        clientSecret: 's',
      };
      expect(
        read({ azure: { credential, subscriptions: [{ id: SUB }] } }).azure
          .portal,
      ).toEqual({ baseUrl: 'https://portal.azure.com', tenantId: TENANT });
      expect(
        read({
          azure: {
            tenantId: 'contoso.onmicrosoft.com',
            credential,
            subscriptions: [{ id: SUB }],
          },
        }).azure.portal?.tenantId,
      ).toBe('contoso.onmicrosoft.com');
      expect(
        read({ azure: { subscriptions: [{ id: SUB }] } }).azure.portal,
      ).toEqual({ baseUrl: 'https://portal.azure.com' });
    });

    it("open the sovereign cloud's portal for its ARM host", () => {
      expect(
        read({
          azure: {
            armEndpoint: 'https://management.usgovcloudapi.net',
            subscriptions: [{ id: SUB }],
          },
        }).azure.portal?.baseUrl,
      ).toBe('https://portal.azure.us');
    });

    it('refuses a tenant that is neither a GUID nor a domain, naming the key', () => {
      expect(() =>
        read({
          azure: { tenantId: 'not a tenant', subscriptions: [{ id: SUB }] },
        }),
      ).toThrow("Invalid config at 'defenderForContainers.azure.tenantId'");
    });
  });
});
