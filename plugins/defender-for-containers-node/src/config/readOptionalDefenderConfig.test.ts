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
});
