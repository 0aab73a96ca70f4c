/**
 * The only Resource Graph queries the health refresh sends, built from config alone: they name
 * no connector, repository or anything else a user could write (annotations never reach a
 * query). One query covers every Docker Hub connector of a subscription; rows are matched to
 * connectors in code. The local emulator answers exactly these shapes with the default filter
 * (packages/azure-dockerhub-emulator, `subscriptionFindingsSummary`, `subscriptionWorstFindings`).
 *
 * Background (Microsoft Learn, "Transition to individual container vulnerability
 * recommendations"): container image findings are individual `microsoft.security/assessments` in
 * `securityresources`, category `SoftwareUpdate`, resource type `.containerimage`; severity in
 * `properties.metadata.severity`, the fix in `properties.additionalData.FixedVersion`.
 */

const BASE = (filter: string) => `securityresources
| where type == "microsoft.security/assessments"
| where properties.metadata.recommendationCategory == "SoftwareUpdate"
| where tostring(properties.resourceDetails.ResourceType) == ".containerimage"
| extend resourceId = tolower(tostring(properties.resourceDetails.Id))
| where ${filter}
| where tostring(properties.status.code) == "Unhealthy"`;

/** Open findings counted per connector, image, severity and (undocumented) source. */
export function findingsSummaryQuery(filter: string): string {
  return `${BASE(filter)}
| extend connectorId = tostring(split(resourceId, "/securityentitydata/")[0]),
         severity = tostring(properties.metadata.severity),
         imageName = tostring(properties.additionalData.ResourceName),
         source = tostring(properties.resourceDetails.Source)
| summarize findings = count() by connectorId, imageName, severity, source
| order by connectorId asc, imageName asc, severity asc, source asc`;
}

/**
 * Critical and High findings with their fix versions, worst first. Ordered by unique columns,
 * so `$skipToken` pages neither repeat nor skip rows (Resource Graph's paging guidance).
 */
export function worstFindingsQuery(filter: string): string {
  return `${BASE(filter)}
| extend severity = tostring(properties.metadata.severity)
| where severity in ("Critical", "High")
| extend connectorId = tostring(split(resourceId, "/securityentitydata/")[0]),
         imageName = tostring(properties.additionalData.ResourceName),
         displayName = tostring(properties.displayName),
         fixedVersion = tostring(properties.additionalData.FixedVersion),
         cves = parse_json(tostring(properties.additionalData.CvesDetails)),
         severityRank = iff(severity == "Critical", 0, 1)
| project id, connectorId, imageName, displayName, severity, severityRank, fixedVersion, cves
| order by severityRank asc, connectorId asc, imageName asc, displayName asc, id asc`;
}

/** A row of `findingsSummaryQuery`. */
export interface FindingsSummaryRow {
  connectorId: string;
  imageName: string;
  severity: string;
  source: string;
  findings: number;
}

/** A row of `worstFindingsQuery`. */
export interface WorstFindingRow {
  id: string;
  connectorId: string;
  imageName: string;
  displayName: string;
  severity: string;
  fixedVersion?: string;
  cves?: unknown;
}
