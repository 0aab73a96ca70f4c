/**
 * The only Resource Graph queries the emulator answers: the shapes our plugins send, taken from
 * reference/azure §3 (findings, per connector and subscription-wide) and §2.3 (connector list). A
 * query is normalized (whitespace collapsed, no blanks around `| , ( ) [ ] = ! ~ < >`, single
 * quotes read as double quotes) and compared with these templates; `{connectorId}` captures a
 * connector id (the subscription-wide shapes have none).
 * @public
 */
export const QUERY_TEMPLATES = {
  /** reference/azure §3, verbatim: one row per finding (assessment) of a connector's images. */
  dockerHubFindings: `securityresources
| where type == "microsoft.security/assessments"
| where properties.metadata.recommendationCategory == "SoftwareUpdate"
| where tostring(properties.resourceDetails.ResourceType) == ".containerimage"
| extend resourceId = tolower(tostring(properties.resourceDetails.Id))
| where resourceId startswith tolower(strcat("{connectorId}", "/securityentitydata/"))
| extend displayName = tostring(properties.displayName),
         severity = tostring(properties.metadata.severity),
         statusCode = tostring(properties.status.code),
         fixedVersion = tostring(properties.additionalData.FixedVersion),
         cves = parse_json(tostring(properties.additionalData.CvesDetails))
| project id, resourceId, displayName, severity, statusCode, fixedVersion, cves,
          imageName = tostring(properties.additionalData.ResourceName)`,

  /** The same filter, counted per image and severity (what the entity card shows). */
  dockerHubFindingsSummary: `securityresources
| where type == "microsoft.security/assessments"
| where properties.metadata.recommendationCategory == "SoftwareUpdate"
| where tostring(properties.resourceDetails.ResourceType) == ".containerimage"
| extend resourceId = tolower(tostring(properties.resourceDetails.Id))
| where resourceId startswith tolower(strcat("{connectorId}", "/securityentitydata/"))
| where tostring(properties.status.code) == "Unhealthy"
| extend severity = tostring(properties.metadata.severity),
         imageName = tostring(properties.additionalData.ResourceName)
| summarize findings = count() by imageName, severity`,

  /**
   * Subscription-wide: open findings of every connector of the requested subscriptions in one
   * query, counted per connector, image, severity and `resourceDetails.Source` (undocumented for
   * Docker Hub; the plugins log what they see). The connector is the part of the assessed
   * resource id before `/securityentitydata/`, as Microsoft's multicloud workbooks derive it.
   */
  subscriptionFindingsSummary: `securityresources
| where type == "microsoft.security/assessments"
| where properties.metadata.recommendationCategory == "SoftwareUpdate"
| where tostring(properties.resourceDetails.ResourceType) == ".containerimage"
| extend resourceId = tolower(tostring(properties.resourceDetails.Id))
| where resourceId contains "/securityentitydata/"
| where tostring(properties.status.code) == "Unhealthy"
| extend connectorId = tostring(split(resourceId, "/securityentitydata/")[0]),
         severity = tostring(properties.metadata.severity),
         imageName = tostring(properties.additionalData.ResourceName),
         source = tostring(properties.resourceDetails.Source)
| summarize findings = count() by connectorId, imageName, severity, source
| order by connectorId asc, imageName asc, severity asc, source asc`,

  /** Subscription-wide: every Critical and High finding with its fix version, worst first. */
  subscriptionWorstFindings: `securityresources
| where type == "microsoft.security/assessments"
| where properties.metadata.recommendationCategory == "SoftwareUpdate"
| where tostring(properties.resourceDetails.ResourceType) == ".containerimage"
| extend resourceId = tolower(tostring(properties.resourceDetails.Id))
| where resourceId contains "/securityentitydata/"
| where tostring(properties.status.code) == "Unhealthy"
| extend severity = tostring(properties.metadata.severity)
| where severity in ("Critical", "High")
| extend connectorId = tostring(split(resourceId, "/securityentitydata/")[0]),
         imageName = tostring(properties.additionalData.ResourceName),
         displayName = tostring(properties.displayName),
         fixedVersion = tostring(properties.additionalData.FixedVersion),
         cves = parse_json(tostring(properties.additionalData.CvesDetails)),
         severityRank = iff(severity == "Critical", 0, 1)
| project id, connectorId, imageName, displayName, severity, severityRank, fixedVersion, cves
| order by severityRank asc, connectorId asc, imageName asc, displayName asc, id asc`,

  /** reference/azure §2.3, verbatim: the Docker Hub connectors (never their authentication). */
  dockerHubConnectors: `resources
| where type == "microsoft.security/securityconnectors"
| extend environmentName = tolower(tostring(properties['environmentName']))
| where environmentName == "dockerhub"
| project id, name, subscriptionId, resourceGroup, location,
          organization = tostring(properties['hierarchyIdentifier']),
          scanInterval = toint(properties.environmentData.scanInterval),
          offerings = properties.offerings`,
} as const;

export type QueryShape = keyof typeof QUERY_TEMPLATES;

/** @public */
export function normalizeQuery(query: string): string {
  return query
    .replace(/'/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/\s*([|,()[\]=!~<>])\s*/g, '$1')
    .trim();
}

const PLACEHOLDER = '{connectorId}';

const MATCHERS = (Object.keys(QUERY_TEMPLATES) as QueryShape[]).map(shape => {
  const normalized = normalizeQuery(QUERY_TEMPLATES[shape]);
  const source = normalized
    .split(PLACEHOLDER)
    .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('(/[^"]+)');
  return { shape, regex: new RegExp(`^${source}$`) };
});

export interface ParsedQuery {
  shape: QueryShape;
  connectorId?: string;
}

export function parseQuery(query: string): ParsedQuery | undefined {
  const normalized = normalizeQuery(query);
  for (const { shape, regex } of MATCHERS) {
    const m = regex.exec(normalized);
    if (m) return { shape, connectorId: m[1] };
  }
  return undefined;
}
