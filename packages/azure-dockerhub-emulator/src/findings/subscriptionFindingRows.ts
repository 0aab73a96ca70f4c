import { ConnectorRecord, EmulatorState } from '../state/EmulatorState';
import { connectorAssessments } from './connectorAssessments';

type Row = Record<string, unknown>;

/**
 * `properties.resourceDetails.Source` of Docker Hub image assessments. Microsoft documents
 * `Azure`, `AWS` and `GCP` only; `DockerHub` is our choice (the health reports say the same), so
 * clients should not depend on it (the plugins log the values they see).
 */
export const DOCKER_HUB_ASSESSMENT_SOURCE = 'DockerHub';

const SEVERITY_RANK: Record<string, number> = { Critical: 0, High: 1 };

/** Stable order, so `$skipToken` pages neither repeat nor skip rows (ARG's paging advice). */
function byKeys(keys: string[]) {
  return (a: Row, b: Row) => {
    for (const k of keys) {
      const x = a[k] as string | number;
      const y = b[k] as string | number;
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  };
}

/**
 * `subscriptionFindingsSummary`: open findings of every connector of the visible subscriptions,
 * counted per connector, image, severity and source. `connectorId` is what
 * `split(resourceId, "/securityentitydata/")[0]` yields: the lower-cased connector id.
 */
export function subscriptionFindingsSummaryRows(
  state: EmulatorState,
  connectors: ConnectorRecord[],
  now: number,
): Row[] {
  const counts = new Map<string, Row>();
  for (const rec of connectors) {
    for (const a of connectorAssessments(state, rec, now)) {
      const connectorId = a.resourceId.split('/securityentitydata/')[0];
      const key = `${connectorId}|${a.imageName}|${a.severity}`;
      const row = counts.get(key) ?? {
        connectorId,
        imageName: a.imageName,
        severity: a.severity,
        source: DOCKER_HUB_ASSESSMENT_SOURCE,
        findings: 0,
      };
      row.findings = (row.findings as number) + 1;
      counts.set(key, row);
    }
  }
  return [...counts.values()].sort(
    byKeys(['connectorId', 'imageName', 'severity', 'source']),
  );
}

/** `subscriptionWorstFindings`: every Critical and High finding with its fix version. */
export function subscriptionWorstFindingRows(
  state: EmulatorState,
  connectors: ConnectorRecord[],
  now: number,
): Row[] {
  const rows: Row[] = [];
  for (const rec of connectors) {
    for (const a of connectorAssessments(state, rec, now)) {
      const severityRank = SEVERITY_RANK[a.severity];
      if (severityRank === undefined) continue;
      rows.push({
        id: a.id,
        connectorId: a.resourceId.split('/securityentitydata/')[0],
        imageName: a.imageName,
        displayName: a.displayName,
        severity: a.severity,
        severityRank,
        fixedVersion: a.fixedVersion,
        cves: a.cves,
      });
    }
  }
  return rows.sort(
    byKeys(['severityRank', 'connectorId', 'imageName', 'displayName', 'id']),
  );
}
