import { ConnectorRecord, EmulatorState } from '../state/EmulatorState';
import { AssessmentRow, connectorAssessments } from './connectorAssessments';

type Row = Record<string, unknown>;

/** `case(severity == "Critical", 0, severity == "High", 1, severity == "Medium", 2, 3)`. */
const SEVERITY_RANK: Record<string, number> = {
  Critical: 0,
  High: 1,
  Medium: 2,
  Low: 3,
};

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
 * The image assessments the Docker Hub queries see: `resourceId contains "/securityentitydata/"`,
 * and, for one connector, `startswith "{connectorId}/securityentitydata/"`.
 */
function dockerHubAssessments(
  state: EmulatorState,
  connectors: ConnectorRecord[],
  now: number,
  connectorId?: string,
): AssessmentRow[] {
  const prefix =
    connectorId && `${connectorId.toLowerCase()}/securityentitydata/`;
  // Only a connector's own assessments can start with its id (the layout puts them there).
  const assessed = prefix
    ? connectors.filter(rec => prefix.startsWith(`${rec.id.toLowerCase()}/`))
    : connectors;
  return assessed
    .flatMap(rec => connectorAssessments(state, rec, now))
    .filter(a => a.resourceId.includes('/securityentitydata/'))
    .filter(a => !prefix || a.resourceId.startsWith(prefix));
}

/**
 * `subscriptionFindingsSummary` / `connectorFindingsSummary`: per connector, image, severity and
 * source, the open findings and all assessments (fixed ones included).
 */
export function findingsSummaryRows(
  state: EmulatorState,
  connectors: ConnectorRecord[],
  now: number,
  connectorId?: string,
): Row[] {
  const counts = new Map<string, Row>();
  for (const a of dockerHubAssessments(state, connectors, now, connectorId)) {
    const key = `${a.connectorId}|${a.imageName}|${a.severity}|${a.source}`;
    const row = counts.get(key) ?? {
      connectorId: a.connectorId,
      imageName: a.imageName,
      severity: a.severity,
      source: a.source,
      findings: 0,
      assessments: 0,
    };
    if (a.statusCode === 'Unhealthy')
      row.findings = (row.findings as number) + 1;
    row.assessments = (row.assessments as number) + 1;
    counts.set(key, row);
  }
  return [...counts.values()].sort(
    byKeys(['connectorId', 'imageName', 'severity', 'source']),
  );
}

/**
 * `subscriptionOpenFindings` / `connectorOpenFindings`: per connector and severity (Critical 0,
 * High 1, Medium 2, Low 3) a list of at most `limit` open findings, each
 * `[id, image, title, fixed version, cves, package, installed versions, first evaluated]`, the
 * installed versions as `tostring()` renders the array: its JSON text. Kusto does not promise
 * which elements a bounded `make_list` keeps; the emulator keeps the first by id.
 */
export function openFindingsRows(
  state: EmulatorState,
  connectors: ConnectorRecord[],
  now: number,
  limit: number,
  connectorId?: string,
): Row[] {
  const groups = new Map<string, Row & { findings: unknown[][] }>();
  const assessments = dockerHubAssessments(state, connectors, now, connectorId)
    .filter(a => a.statusCode === 'Unhealthy')
    .sort((a, b) => a.id.localeCompare(b.id));
  for (const a of assessments) {
    const severityRank = SEVERITY_RANK[a.severity];
    if (severityRank === undefined) continue;
    const key = `${a.connectorId}|${severityRank}`;
    const group = groups.get(key) ?? {
      connectorId: a.connectorId,
      severityRank,
      findings: [],
    };
    if (group.findings.length < limit) {
      group.findings.push([
        a.id,
        a.imageName,
        a.displayName,
        a.fixedVersion,
        a.cves,
        a.softwareName,
        JSON.stringify(a.detectedSoftwareVersions),
        a.firstEvaluationDate,
      ]);
    }
    groups.set(key, group);
  }
  return [...groups.values()].sort(byKeys(['connectorId', 'severityRank']));
}

/** `imageAssessmentSources`: every container image assessment, counted per source. */
export function assessmentSourceRows(
  state: EmulatorState,
  connectors: ConnectorRecord[],
  now: number,
): Row[] {
  const counts = new Map<string, number>();
  for (const a of connectors.flatMap(rec =>
    connectorAssessments(state, rec, now),
  )) {
    counts.set(a.source, (counts.get(a.source) ?? 0) + 1);
  }
  return [...counts]
    .map(([source, assessments]) => ({ source, assessments }))
    .sort(byKeys(['source']));
}
