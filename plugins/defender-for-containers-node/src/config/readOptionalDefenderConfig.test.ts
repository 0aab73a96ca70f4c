import { ConfigReader } from '@backstage/config';
import { readOptionalDefenderConfig } from './readOptionalDefenderConfig';

describe('readOptionalDefenderConfig', () => {
  it('names the keys to set when defenderForContainers is absent', () => {
    const result = readOptionalDefenderConfig(new ConfigReader({}));
    expect(result).toEqual({
      configured: false,
      missingKeys: [
        'defenderForContainers.azure.subscriptions',
        'defenderForContainers.azure.credential',
      ],
      message: expect.stringContaining(
        'defenderForContainers.azure.subscriptions',
      ),
      dockerHub: {
        apiUrl: 'https://hub.docker.com',
        registryAuthUrl: 'https://auth.docker.io/token',
        registryService: 'registry.docker.io',
        allowUnprovenReadOnly: false,
      },
    });
  });

  it('asks only for subscriptions when a credential is configured', () => {
    const result = readOptionalDefenderConfig(
      new ConfigReader({
        defenderForContainers: { azure: { credential: { type: 'default' } } },
      }),
    );
    expect(result.configured).toBe(false);
    expect(!result.configured && result.missingKeys).toEqual([
      'defenderForContainers.azure.subscriptions',
    ]);
  });

  it('reads a present config, and still fails on a wrong one', () => {
    const ok = readOptionalDefenderConfig(
      new ConfigReader({
        defenderForContainers: {
          azure: {
            subscriptions: [{ id: '00000000-0000-0000-0000-000000000001' }],
          },
        },
      }),
    );
    expect(ok.configured && ok.config.azure.subscriptions[0].id).toBe(
      '00000000-0000-0000-0000-000000000001',
    );
    expect(() =>
      readOptionalDefenderConfig(
        new ConfigReader({
          defenderForContainers: {
            azure: { subscriptions: [{ id: 'prod' }] },
          },
        }),
      ),
    ).toThrow(/is not a subscription id/);
  });

  it('takes an empty subscription list as not configured, like an absent one', () => {
    const result = readOptionalDefenderConfig(
      new ConfigReader({
        defenderForContainers: { azure: { subscriptions: [] } },
      }),
    );
    expect(result.configured).toBe(false);
    expect(!result.configured && result.message).toContain(
      'defenderForContainers.azure.subscriptions',
    );
  });

  it('still checks the other keys while the subscriptions are missing', () => {
    expect(() =>
      readOptionalDefenderConfig(
        new ConfigReader({
          defenderForContainers: {
            azure: { credential: { type: 'certificate' } },
          },
        }),
      ),
    ).toThrow(
      "Invalid config at 'defenderForContainers.azure.credential.type'",
    );
    expect(() =>
      readOptionalDefenderConfig(
        new ConfigReader({
          defenderForContainers: { dockerHub: { apiUrl: 'http://hub' } },
        }),
      ),
    ).toThrow("Invalid config at 'defenderForContainers.dockerHub.apiUrl'");
  });

  it('keeps the Docker Hub endpoints and CA file, which do not need Azure', () => {
    const result = readOptionalDefenderConfig(
      new ConfigReader({
        defenderForContainers: {
          dockerHub: { apiUrl: 'https://127.0.0.1:7443/' },
          caFile: '/tmp/ca.pem',
        },
      }),
    );
    expect(result).toMatchObject({
      configured: false,
      dockerHub: {
        apiUrl: 'https://127.0.0.1:7443',
        registryAuthUrl: 'https://auth.docker.io/token',
      },
      caFile: '/tmp/ca.pem',
    });
  });
});
