import { parseSecurityConnectorId } from '@defender-backstage/plugin-defender-for-containers-node';

/*
 * The only Resource Graph queries the health refresh sends, built from config and, to narrow to
 * one connector, an ARM id read from Azure: never anything a user wrote (annotations never reach
 * a query). One query covers every Docker Hub connector of a subscription; rows are matched to
 * connectors in code. The local emulator answers exactly these shapes with the default filter
 * (packages/azure-dockerhub-emulator: `subscriptionFindingsSummary`, `connectorFindingsSummary`,
 * `subscriptionOpenFindings`, `connectorOpenFindings`, `imageAssessmentSources`).
 *
 * Background (Microsoft Learn, "Transition to individual container vulnerability
 * recommendations", https://learn.microsoft.com/azure/defender-for-cloud/transition-grouped-individual-recommendations):
 * container image findings are individual `microsoft.security/assessments` in
 * `securityresources`, category `SoftwareUpdate`, resource type `.containerimage`; severity in
 * `properties.metadata.severity`, the fix in `properties.additionalData.FixedVersion`.
 */

const IMAGE_ASSESSMENTS = `securityresources
| where type == "microsoft.security/assessments"
| where properties.metadata.recommendationCategory == "SoftwareUpdate"
| where tostring(properties.resourceDetails.ResourceType) == ".containerimage"`;

const dockerHub = (filter: string, connectorId?: string) => {
  const base = `${IMAGE_ASSESSMENTS}
| extend resourceId = tolower(tostring(properties.resourceDetails.Id))
| where ${filter}`;
  if (!connectorId) return base;
  // An id read from ARM, checked for its shape: nothing else reaches the query text.
  parseSecurityConnectorId(connectorId);
  return `${base}
| where resourceId startswith "${connectorId.toLowerCase()}/securityentitydata/"`;
};

/**
 * Per connector, image, severity and (undocumented) source: `findings` the open ones (status
 * Unhealthy) and `assessments` all of them, fixed ones included. A connector with assessments but
 * no open finding is clean; one with no assessment at all has no data (see collectFindings).
 * `connectorId` narrows it to one connector (an on-demand refresh).
 */
export function findingsSummaryQuery(
  filter: string,
  connectorId?: string,
): string {
  return `${dockerHub(filter, connectorId)}
| extend connectorId = tostring(split(resourceId, "/securityentitydata/")[0]),
         severity = tostring(properties.metadata.severity),
         imageName = tostring(properties.additionalData.ResourceName),
         source = tostring(properties.resourceDetails.Source),
         statusCode = tostring(properties.status.code)
| summarize findings = countif(statusCode == "Unhealthy"), assessments = count()
    by connectorId, imageName, severity, source
| order by connectorId asc, imageName asc, severity asc, source asc`;
}

/**
 * Per connector and severity, at most `limit` open findings, picked by the query (`make_list`
 * with a bound): at most four rows per connector, so paging cannot drop one connector's findings
 * while another keeps all of its, and the refresh keeps the most severe ones when it must cut.
 * Each finding is `[id, image, title, fixed version, CVEs, package, installed versions, first seen]`.
 *
 * `DetectedSoftwareVersions`, `FixedVersion` and `CvesDetails` are the documented names
 * (Microsoft Learn, transition-grouped-individual-recommendations); `SoftwareName` (the package) is
 * undocumented but what public Defender queries read; `status.firstEvaluationDate` is the
 * assessment API's (https://learn.microsoft.com/rest/api/defenderforcloud/assessments/get).
 */
export function openFindingsQuery(
  filter: string,
  limit: number,
  connectorId?: string,
): string {
  return `${dockerHub(filter, connectorId)}
| where tostring(properties.status.code) == "Unhealthy"
| extend severity = tostring(properties.metadata.severity)
| where severity in ("Critical", "High", "Medium", "Low")
| extend connectorId = tostring(split(resourceId, "/securityentitydata/")[0]),
         severityRank = case(severity == "Critical", 0, severity == "High", 1, severity == "Medium", 2, 3),
         finding = pack_array(id, tostring(properties.additionalData.ResourceName),
           tostring(properties.displayName), tostring(properties.additionalData.FixedVersion),
           parse_json(tostring(properties.additionalData.CvesDetails)),
           tostring(properties.additionalData.SoftwareName),
           tostring(properties.additionalData.DetectedSoftwareVersions),
           tostring(properties.status.firstEvaluationDate))
| summarize findings = make_list(finding, ${Math.trunc(
    limit,
  )}) by connectorId, severityRank
| order by connectorId asc, severityRank asc`;
}

/**
 * Every container image assessment of the subscription, whatever its connector or source,
 * counted per `resourceDetails.Source`: sent only when the filter found nothing for connectors
 * that should have data, so the log can say what the tenant's rows look like. The README gives
 * the same query for the Azure portal's Resource Graph Explorer.
 */
export const ASSESSMENT_SOURCES_QUERY = `${IMAGE_ASSESSMENTS}
| summarize assessments = count() by source = tostring(properties.resourceDetails.Source)
| order by source asc`;

/** A row of `findingsSummaryQuery`. */
export interface FindingsSummaryRow {
  connectorId: string;
  imageName: string;
  severity: string;
  source: string;
  findings: number;
  assessments: number;
}

/** A row of `openFindingsQuery`: `findings` holds the arrays it packs. */
export interface OpenFindingsRow {
  connectorId: string;
  severityRank: number;
  findings: unknown[];
}

/** A row of `ASSESSMENT_SOURCES_QUERY`. */
export interface AssessmentSourceRow {
  source: string;
  assessments: number;
}
