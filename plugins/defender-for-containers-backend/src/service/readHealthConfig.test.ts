import { ConfigReader } from '@backstage/config';
import { DEFAULT_FINDINGS_FILTER, readHealthConfig } from './readHealthConfig';

const read = (health: object) =>
  readHealthConfig(new ConfigReader({ defenderForContainers: { health } }));

describe('readHealthConfig', () => {
  it('has defaults for everything', () => {
    expect(readHealthConfig(new ConfigReader({}))).toEqual({
      schedule: {
        frequency: { minutes: 30 },
        timeout: { minutes: 10 },
        initialDelay: { seconds: 15 },
      },
      historyDays: 30,
      findings: {
        filter: DEFAULT_FINDINGS_FILTER,
        worstPerConnector: 10,
        maxPerConnector: 5000,
        pageSize: 1000,
        maxPages: 50,
        firstScanMs: 24 * 3_600_000,
      },
      manualRefreshIntervalSeconds: 60,
      cacheSeconds: 5,
      readScope: 'connector-entity',
      rollupMaxComponents: 1000,
      // two 30-minute intervals and the 10-minute timeout
      staleAfterMs: 70 * 60_000,
    });
  });

  it('makes data stale after staleAfter, or a day on a cron schedule', () => {
    expect(read({ staleAfter: { hours: 3 } }).staleAfterMs).toBe(3 * 3_600_000);
    expect(
      read({
        schedule: { frequency: { cron: '0 * * * *' }, timeout: { minutes: 5 } },
      }).staleAfterMs,
    ).toBe(86_400_000);
  });

  it('reads the schedule the Backstage way and the other keys', () => {
    const config = read({
      schedule: { frequency: { minutes: 1 }, timeout: { seconds: 50 } },
      historyDays: 7,
      findings: {
        filter: 'tostring(properties.resourceDetails.Source) =~ "DockerHub"',
      },
      manualRefresh: { minIntervalSeconds: 120 },
    });
    expect(config.schedule).toMatchObject({
      frequency: { minutes: 1 },
      timeout: { seconds: 50 },
    });
    expect(config.historyDays).toBe(7);
    expect(config.findings.filter).toBe(
      'tostring(properties.resourceDetails.Source) =~ "DockerHub"',
    );
    expect(config.manualRefreshIntervalSeconds).toBe(120);
  });

  it('refuses a filter that could reshape the query, and out-of-range numbers, naming the key', () => {
    expect(() =>
      read({ findings: { filter: 'true | project properties' } }),
    ).toThrow(/defenderForContainers\.health\.findings\.filter/);
    expect(() => read({ findings: { filter: 'a == 1\n| take 1' } })).toThrow(
      /one KQL predicate/,
    );
    expect(() => read({ historyDays: 0 })).toThrow(
      /defenderForContainers\.health\.historyDays': must be a whole number from 1 to 400, got 0/,
    );
    expect(() => read({ findings: { pageSize: 5000 } })).toThrow(/pageSize/);
    expect(() => read({ cacheSeconds: -1 })).toThrow(
      /defenderForContainers\.health\.cacheSeconds': must be a whole number from 0 to 300, got -1/,
    );
    expect(() => read({ readScope: 'team' })).toThrow(
      /defenderForContainers\.health\.readScope': must be 'connector-entity' .* or 'all', got 'team'/,
    );
    expect(read({ readScope: 'all' }).readScope).toBe('all');
  });
});
