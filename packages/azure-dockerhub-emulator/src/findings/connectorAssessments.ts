import { connectorHealth } from '../health/connectorHealthReports';
import { hubOrg } from '../dockerhub/hubDirectory';
import { ConnectorRecord, EmulatorState } from '../state/EmulatorState';
import { stableGuid } from '../util/stableGuid';
import { findingDetails, firstEvaluationDate } from './findingDetails';

export interface AssessmentRow {
  id: string;
  resourceId: string;
  /** What `split(resourceId, "/securityentitydata/")[0]` yields. */
  connectorId: string;
  source: string;
  displayName: string;
  severity: string;
  statusCode: string;
  /** `additionalData.FixedVersion`: empty when no fix is available. */
  fixedVersion: string;
  cves: { CveId: string }[];
  /** `additionalData.ResourceName`: `org/repo:tag`, or `org/repo@sha256:…` for a digest-only image. */
  imageName: string;
  /** `additionalData.SoftwareName`: the package. */
  softwareName: string;
  /** `additionalData.DetectedSoftwareVersions`: an array, as Defender stores it. */
  detectedSoftwareVersions: string[];
  /** `status.firstEvaluationDate` (ISO 8601). */
  firstEvaluationDate: string;
}

// Vulnerability assessment needs Defender for Containers or Defender CSPM
// (https://learn.microsoft.com/azure/defender-for-cloud/support-matrix-defender-for-containers).
const VA_OFFERINGS = new Set([
  'DefenderForContainersDockerHub',
  'DefenderCspmDockerHub',
]);
const SEVERITIES = [
  ['critical', 'Critical'],
  ['high', 'High'],
  ['medium', 'Medium'],
  ['low', 'Low'],
] as const;

/**
 * Findings of one connector as individual assessments under `{connectorId}/securityentitydata/…`
 * (the connector-id prefix Defender for Cloud's official workbooks split on, github.com/Azure/Microsoft-Defender-for-Cloud;
 * the path below that prefix is our choice, Microsoft does not document it:
 * `dockerhubimages/{org}/{repo}/tags/{tag}`, or `…/digests/sha256:{hex}` for a digest-only image).
 * Present once the connector has had its first evaluation; only private repositories and
 * single-platform tags, since public repositories and manifest lists are unsupported
 * (https://learn.microsoft.com/azure/defender-for-cloud/support-matrix-defender-for-containers).
 */
export function connectorAssessments(
  state: EmulatorState,
  rec: ConnectorRecord,
  now: number,
): AssessmentRow[] {
  const offerings: { offeringType?: string }[] = rec.properties.offerings ?? [];
  if (!offerings.some(o => VA_OFFERINGS.has(String(o.offeringType)))) return [];
  const health = connectorHealth(state, rec, now);
  if (!health) return [];
  const org = hubOrg(state, String(rec.properties.hierarchyIdentifier ?? ''));
  if (!org) return [];
  const rows: AssessmentRow[] = [];
  for (const repo of org.repositories) {
    if (!repo.private) continue;
    for (const tag of repo.tags) {
      if (tag.architectures.length > 1) continue;
      // A digest-only image is named by digest (`name@digest`, the OCI reference form:
      // https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier).
      const imageName = tag.digest
        ? `${org.name}/${repo.name}@${tag.digest}`
        : `${org.name}/${repo.name}:${tag.name}`;
      const image = `dockerhubimages/${org.name}/${repo.name}/${
        tag.digest ? `digests/${tag.digest}` : `tags/${tag.name}`
      }`;
      const resourceId = (
        state.assessments.layout === 'underConnector'
          ? `${rec.id}/securityentitydata/${image}`
          : `/subscriptions/${rec.subscriptionId}/providers/Microsoft.Security/${image}`
      ).toLowerCase();
      for (const [statusCode, counts] of [
        ['Unhealthy', tag.findings],
        ['Healthy', tag.resolved],
      ] as const) {
        for (const [key, severity] of SEVERITIES) {
          for (let i = 0; i < counts[key]; i++) {
            const n = statusCode === 'Unhealthy' ? String(i) : `resolved-${i}`;
            const findingKey = [imageName, key, n];
            const details = findingDetails(findingKey);
            rows.push({
              id: `${resourceId}/providers/Microsoft.Security/assessments/${stableGuid(
                'assessment',
                ...findingKey,
              )}`,
              resourceId,
              connectorId: resourceId.split('/securityentitydata/')[0],
              source: state.assessments.source,
              displayName: details.displayName,
              severity,
              statusCode,
              fixedVersion: details.fixedVersion,
              cves: details.cves,
              imageName,
              softwareName: details.softwareName,
              detectedSoftwareVersions: details.detectedSoftwareVersions,
              firstEvaluationDate: firstEvaluationDate(findingKey, {
                connectorCreated: rec.createdAt,
                imagePushed: tag.lastPushed,
                firstEvaluation: health.firstEvaluation,
                loadedAt: state.loadedAt,
                now,
              }),
            });
          }
        }
      }
    }
  }
  return rows;
}
