const IMAGE_ASSESSMENTS = `securityresources
| where type == "microsoft.security/assessments"
| where properties.metadata.recommendationCategory == "SoftwareUpdate"
| where tostring(properties.resourceDetails.ResourceType) == ".containerimage"`;
const DOCKER_HUB_ASSESSMENTS = `${IMAGE_ASSESSMENTS}
| extend resourceId = tolower(tostring(properties.resourceDetails.Id))
| where resourceId contains "/securityentitydata/"`;
const ONE_CONNECTOR = `
| where resourceId startswith "{connectorId}/securityentitydata/"`;
const SUMMARY = `
| extend connectorId = tostring(split(resourceId, "/securityentitydata/")[0]),
         severity = tostring(properties.metadata.severity),
         imageName = tostring(properties.additionalData.ResourceName),
         source = tostring(properties.resourceDetails.Source),
         statusCode = tostring(properties.status.code)
| summarize findings = countif(statusCode == "Unhealthy"), assessments = count()
    by connectorId, imageName, severity, source
| order by connectorId asc, imageName asc, severity asc, source asc`;
const OPEN = `
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
| summarize findings = make_list(finding, {limit}) by connectorId, severityRank
| order by connectorId asc, severityRank asc`;

/**
 * The only Resource Graph queries the emulator answers: the shapes our plugins send, built on
 * Microsoft's individual-recommendation query (findings, per connector and subscription-wide;
 * https://learn.microsoft.com/azure/defender-for-cloud/transition-grouped-individual-recommendations)
 * and the connector query of the official Defender for Cloud workbooks (connector list). A
 * query is normalized (whitespace collapsed, no blanks around `| , ( ) [ ] = ! ~ < >`, single
 * quotes read as double quotes) and compared with these templates; `{connectorId}` captures a
 * connector id (the subscription-wide shapes have none).
 * @public
 */
export const QUERY_TEMPLATES = {
  /** One row per finding (assessment) of a connector's images. */
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
   * Subscription-wide: the Docker Hub image assessments of every connector in one query, counted
   * per connector, image, severity and `resourceDetails.Source` (undocumented for Docker Hub;
   * the plugins log what they see): `findings` the open ones, `assessments` all of them, fixed
   * ones included, so "assessed, nothing open" and "nothing assessed" differ. The connector is
   * the part of the assessed resource id before `/securityentitydata/`, as Microsoft's
   * multicloud workbooks derive it.
   */
  subscriptionFindingsSummary: `${DOCKER_HUB_ASSESSMENTS}${SUMMARY}`,
  /** The same, for one connector (an on-demand refresh): its cost does not grow with others'. */
  connectorFindingsSummary: `${DOCKER_HUB_ASSESSMENTS}${ONE_CONNECTOR}${SUMMARY}`,
  /**
   * Subscription-wide: every open finding, per connector and severity (`severityRank` 0 Critical
   * … 3 Low) a list of at most `{limit}` of them (`make_list` with a bound), chosen by the query
   * itself, so paging can never drop one connector's findings while keeping another's. Each
   * finding is an array: id, image, title, fixed version, CVEs, package, installed versions and
   * first evaluation date.
   */
  subscriptionOpenFindings: `${DOCKER_HUB_ASSESSMENTS}${OPEN}`,
  /** The same, for one connector. */
  connectorOpenFindings: `${DOCKER_HUB_ASSESSMENTS}${ONE_CONNECTOR}${OPEN}`,
  /**
   * Every container image assessment of the subscriptions, whatever connector or source, counted
   * per `resourceDetails.Source`: what the plugins log when their filter finds nothing.
   */
  imageAssessmentSources: `${IMAGE_ASSESSMENTS}
| summarize assessments = count() by source = tostring(properties.resourceDetails.Source)
| order by source asc`,

  /** The Docker Hub connectors (never their authentication). */
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

/**
 * `make_list`'s bound: "The default and max value is 1048576"
 * (https://learn.microsoft.com/kusto/query/make-list-aggregation-function).
 */
const MAX_LIST_SIZE = 1_048_576;

/** Placeholders and what they capture: a connector id, a whole number. */
const PLACEHOLDERS: Record<string, string> = {
  '{connectorId}': '(/[^"]+)',
  '{limit}': '([1-9][0-9]{0,6})',
};

const MATCHERS = (Object.keys(QUERY_TEMPLATES) as QueryShape[]).map(shape => {
  const normalized = normalizeQuery(QUERY_TEMPLATES[shape]);
  const names: string[] = [];
  const source = normalized
    .split(/(\{connectorId\}|\{limit\})/)
    .map(part => {
      if (PLACEHOLDERS[part]) {
        names.push(part);
        return PLACEHOLDERS[part];
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { shape, names, regex: new RegExp(`^${source}$`) };
});

export interface ParsedQuery {
  shape: QueryShape;
  connectorId?: string;
  limit?: number;
}

export function parseQuery(query: string): ParsedQuery | undefined {
  const normalized = normalizeQuery(query);
  for (const { shape, names, regex } of MATCHERS) {
    const m = regex.exec(normalized);
    if (!m) continue;
    const at = (name: string) => m[names.indexOf(name) + 1];
    const limit = names.includes('{limit}') ? Number(at('{limit}')) : undefined;
    if (limit !== undefined && limit > MAX_LIST_SIZE) return undefined;
    return {
      shape,
      connectorId: names.includes('{connectorId}')
        ? at('{connectorId}')
        : undefined,
      limit,
    };
  }
  return undefined;
}
