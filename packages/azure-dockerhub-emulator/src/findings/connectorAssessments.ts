import { createHash } from 'node:crypto';
import { connectorHealth } from '../health/connectorHealthReports';
import { hubOrg } from '../dockerhub/hubDirectory';
import { ConnectorRecord, EmulatorState } from '../state/EmulatorState';
import { stableGuid } from '../util/stableGuid';

export interface AssessmentRow {
  id: string;
  resourceId: string;
  /** What `split(resourceId, "/securityentitydata/")[0]` yields. */
  connectorId: string;
  source: string;
  displayName: string;
  severity: string;
  statusCode: string;
  fixedVersion: string;
  cves: { CveId: string }[];
  imageName: string;
}

// Vulnerability assessment needs Defender for Containers or Defender CSPM
// (https://learn.microsoft.com/azure/defender-for-cloud/support-matrix-defender-for-containers).
const VA_OFFERINGS = new Set([
  'DefenderForContainersDockerHub',
  'DefenderCspmDockerHub',
]);
const PACKAGES = [
  'openssl',
  'libcurl',
  'zlib',
  'glibc',
  'libxml2',
  'busybox',
  'expat',
  'sqlite',
  'krb5',
  'ncurses',
  'pcre2',
  'libssh2',
  'nodejs',
  'python3',
  'golang-stdlib',
];
const SEVERITIES = [
  ['critical', 'Critical'],
  ['high', 'High'],
  ['medium', 'Medium'],
  ['low', 'Low'],
] as const;

function hashInt(...parts: string[]): number {
  return createHash('sha256').update(parts.join('/')).digest().readUInt32BE(0);
}

/**
 * Findings of one connector as individual assessments under `{connectorId}/securityentitydata/…`
 * (the connector-id prefix Defender for Cloud's official workbooks split on, github.com/Azure/Microsoft-Defender-for-Cloud;
 * the path below that prefix is our choice, Microsoft does not document it).
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
  if (!connectorHealth(state, rec, now)) return [];
  const org = hubOrg(state, String(rec.properties.hierarchyIdentifier ?? ''));
  if (!org) return [];
  const rows: AssessmentRow[] = [];
  for (const repo of org.repositories) {
    if (!repo.private) continue;
    for (const tag of repo.tags) {
      if (tag.architectures.length > 1) continue;
      const imageName = `${org.name}/${repo.name}:${tag.name}`;
      const image = `dockerhubimages/${org.name}/${repo.name}/tags/${tag.name}`;
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
            const h = hashInt(imageName, key, n);
            const pkg = PACKAGES[h % PACKAGES.length];
            const cve = `CVE-20${20 + (h % 6)}-${10000 + (h % 50000)}`;
            rows.push({
              id: `${resourceId}/providers/Microsoft.Security/assessments/${stableGuid(
                'assessment',
                imageName,
                key,
                n,
              )}`,
              resourceId,
              connectorId: resourceId.split('/securityentitydata/')[0],
              source: state.assessments.source,
              displayName: `${pkg}: ${cve}`,
              severity,
              statusCode,
              fixedVersion: `${1 + (h % 4)}.${h % 20}.${h % 9}`,
              cves: [{ CveId: cve }],
              imageName,
            });
          }
        }
      }
    }
  }
  return rows;
}
