import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  ArmCallOptions,
  DefenderArmClient,
} from '@defender-backstage/plugin-defender-for-containers-node';
import {
  ASSESSMENT_SOURCES_QUERY,
  type AssessmentSourceRow,
} from './findingsQueries';
import type { ConnectorSnapshot } from '../store/HealthStore';

/**
 * Connectors that should have findings data by now and have none: a plan that assesses images is
 * on, the connector asks for assessment, and it is older than the first scan takes.
 */
export function connectorsMissingFindings(
  snapshots: ConnectorSnapshot[],
  readyBefore: Date,
): ConnectorSnapshot[] {
  return snapshots.filter(s => {
    const assessed =
      (s.offerings.includes('DefenderForContainersDockerHub') &&
        s.plans.defenderForContainers === 'on') ||
      (s.offerings.includes('DefenderCspmDockerHub') &&
        s.plans.defenderCspm === 'on');
    const old =
      !!s.createdAt && Date.parse(s.createdAt) < readyBefore.getTime();
    return assessed && old && s.findings.reported === false;
  });
}

/**
 * One warning per subscription when its connectors should have findings data and the findings
 * query found none: names the filter, the `resourceDetails.Source` values the subscription's
 * container image assessments have (one extra query, sent only then), and how to look in the
 * Azure portal. A failed diagnostic query does not fail the refresh.
 */
export async function warnAboutMissingFindings(options: {
  arm: DefenderArmClient;
  subscriptionId: string;
  missing: ConnectorSnapshot[];
  filter: string;
  logger: LoggerService;
  signal?: ArmCallOptions['signal'];
}): Promise<void> {
  const { arm, subscriptionId, missing, filter, logger, signal } = options;
  if (missing.length === 0) return;
  let seen: string;
  try {
    const { rows } = await arm.queryResourceGraph<AssessmentSourceRow>(
      [subscriptionId],
      ASSESSMENT_SOURCES_QUERY,
      { pageSize: 100, maxPages: 1, signal },
    );
    seen = rows.length
      ? rows
          .map(r => `${JSON.stringify(String(r.source))} (${r.assessments})`)
          .join(', ')
      : 'none: Defender has assessed no container image in this subscription';
  } catch (e) {
    seen = `unknown (the query failed: ${(e as Error).message})`;
  }
  const names = missing.slice(0, 5).map(s => s.organization);
  logger.warn(
    `No Defender findings data for ${
      missing.length
    } Docker Hub connector(s) of subscription ${subscriptionId} (${names.join(
      ', ',
    )}${
      missing.length > names.length ? ', …' : ''
    }) although a plan that assesses images is on and they are older than the first scan: their cards say "no findings data", not "0 findings". Findings filter: ${filter}. resourceDetails.Source values of the subscription's container image assessments: ${seen}. To check, run the query in the backend plugin's README ("Findings query") in the Azure portal's Resource Graph Explorer, and set defenderForContainers.health.findings.filter to match the Docker Hub rows.`,
  );
}
