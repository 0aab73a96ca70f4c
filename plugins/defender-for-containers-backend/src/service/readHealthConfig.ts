import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig, type Config } from '@backstage/config';
import { durationToMilliseconds, type HumanDuration } from '@backstage/types';
import type { HealthReadScope } from './ConnectorReadScope';

/** `defenderForContainers.health`, read and checked once. */
export interface HealthConfig {
  /** When the refresh from Azure runs (once across replicas). */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Days of history kept for the trend. */
  historyDays: number;
  /** Components a Group or System roll-up reads at most. */
  rollupMaxComponents: number;
  findings: {
    /** The KQL predicate that selects Docker Hub image assessments (see findingsQueries.ts). */
    filter: string;
    /** Worst findings kept per connector. */
    worstPerConnector: number;
    /** Open findings stored per connector (the Findings tab), the most severe first. */
    maxPerConnector: number;
    /** Rows per Resource Graph page (`$top`, at most 1000). */
    pageSize: number;
    /** Resource Graph pages read per query before giving up. */
    maxPages: number;
    /**
     * How long after onboarding a connector without findings data is only waiting for its first
     * scan; older, the refresh warns (see warnAboutMissingFindings).
     */
    firstScanMs: number;
  };
  /** Seconds between two on-demand refreshes of the same connector. */
  manualRefreshIntervalSeconds: number;
  /**
   * Data whose last successful read from Azure is older than this shows as stale, also when no
   * refresh failed (a stopped scheduler must not leave cards healthy). Default: two schedule
   * intervals plus the timeout; 24 hours for a cron or manual schedule.
   */
  staleAfterMs: number;
  /**
   * Seconds a replica answers the entity route from memory; another replica's refresh shows
   * after at most this long (0: always read the database).
   */
  cacheSeconds: number;
  /** Who sees a connector's data (see `HealthReadScope`). */
  readScope: HealthReadScope;
}

const ROOT = 'defenderForContainers.health';

/**
 * Which assessments are Docker Hub image findings. Microsoft documents neither a Docker Hub
 * assessment key nor the `resourceDetails.Source` value for Docker Hub; what is documented is
 * that multicloud resources live under `{connectorId}/securityentitydata/…` (the official
 * multicloud workbooks derive the connector the same way). The refresh keeps only rows whose
 * connector is a Docker Hub connector it listed, and logs the Source values it sees, so an
 * operator can tighten this from real data without a release.
 */
export const DEFAULT_FINDINGS_FILTER =
  'resourceId contains "/securityentitydata/"';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 15 },
};

function invalid(key: string, problem: string): Error {
  return new Error(`Invalid config at '${ROOT}.${key}': ${problem}`);
}

function integer(
  config: Config | undefined,
  key: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = config?.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalid(
      key,
      `must be a whole number from ${min} to ${max}, got ${value}`,
    );
  }
  return value;
}

/** Reads `defenderForContainers.health`; every key is optional, a wrong one fails startup. */
export function readHealthConfig(rootConfig: Config): HealthConfig {
  const config = rootConfig.getOptionalConfig(ROOT);
  const scheduleConfig = config?.getOptionalConfig('schedule');
  const schedule = scheduleConfig
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
    : DEFAULT_SCHEDULE;

  const filter =
    config?.getOptionalString('findings.filter')?.trim() ||
    DEFAULT_FINDINGS_FILTER;
  // The filter is one `where` predicate: a pipe or a line break would let it reshape the query
  // (drop the Unhealthy filter, project other columns), which the refresh does not expect.
  if (/[|\r\n;]/.test(filter) || filter.length > 1000) {
    throw invalid(
      'findings.filter',
      'must be one KQL predicate for `| where …` (no |, ; or line breaks, at most 1000 characters)',
    );
  }

  return {
    schedule,
    staleAfterMs: config?.has('staleAfter')
      ? durationToMilliseconds(
          readDurationFromConfig(config, { key: 'staleAfter' }),
        )
      : defaultStaleAfterMs(schedule),
    historyDays: integer(config, 'historyDays', 30, 1, 400),
    rollupMaxComponents: integer(
      config,
      'rollup.maxComponents',
      1000,
      1,
      10_000,
    ),
    findings: {
      filter,
      worstPerConnector: integer(
        config,
        'findings.worstPerConnector',
        10,
        1,
        100,
      ),
      maxPerConnector: integer(
        config,
        'findings.maxPerConnector',
        5000,
        1,
        100_000,
      ),
      pageSize: integer(config, 'findings.pageSize', 1000, 1, 1000),
      maxPages: integer(config, 'findings.maxPages', 50, 1, 500),
      firstScanMs:
        integer(config, 'findings.firstScanHours', 24, 1, 24 * 14) * 3_600_000,
    },
    manualRefreshIntervalSeconds: integer(
      config,
      'manualRefresh.minIntervalSeconds',
      60,
      1,
      3600,
    ),
    cacheSeconds: integer(config, 'cacheSeconds', 5, 0, 300),
    readScope: readScope(config),
  };
}

function readScope(config: Config | undefined): HealthReadScope {
  const value = config?.getOptionalString('readScope') ?? 'connector-entity';
  if (value !== 'connector-entity' && value !== 'all') {
    throw invalid(
      'readScope',
      `must be 'connector-entity' (only callers who may read the connector's Resource entity) or 'all', got '${value}'`,
    );
  }
  return value;
}

function defaultStaleAfterMs(
  schedule: SchedulerServiceTaskScheduleDefinition,
): number {
  const { frequency, timeout } = schedule;
  const isDuration = (d: unknown): d is HumanDuration =>
    typeof d === 'object' && d !== null && !('cron' in d) && !('trigger' in d);
  if (!isDuration(frequency) || !isDuration(timeout)) return 86_400_000;
  return (
    2 * durationToMilliseconds(frequency) + durationToMilliseconds(timeout)
  );
}
