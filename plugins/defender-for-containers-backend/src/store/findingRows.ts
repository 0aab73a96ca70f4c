import {
  FINDING_SEVERITIES,
  type FindingSeverity,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { key } from './connectorRows';
import type { ConnectorSnapshot, StoredFindingRow } from './HealthStore';

/** Rows per INSERT of findings: 13 columns each, well below SQLite's 999 bound parameters. */
export const FINDING_CHUNK = 70;

export interface FindingRow {
  connector_key: string;
  finding_key: string;
  repository: string;
  image: string;
  package: string;
  title: string;
  severity_rank: number;
  cves: string;
  search_text: string;
  installed_version: string;
  fixed_version: string;
  fixable: boolean | number;
  first_seen_at: string;
}

/** The rows of a snapshot's open findings. */
export function findingRows(s: ConnectorSnapshot): FindingRow[] {
  return (s.findings.open ?? []).map(f => ({
    connector_key: key(s.id),
    finding_key: f.id,
    repository: f.repository,
    image: f.image,
    package: f.package ?? '',
    title: f.title,
    severity_rank: FINDING_SEVERITIES.indexOf(f.severity),
    cves: JSON.stringify(f.cves),
    search_text: [...f.cves, f.package ?? '', f.title].join(' ').toLowerCase(),
    installed_version: f.installedVersion ?? '',
    fixed_version: f.fixedVersion ?? '',
    fixable: !!f.fixedVersion,
    first_seen_at: f.firstSeenAt ?? '',
  }));
}

/** A stored row as the API shows it; `connectorId` is the connector's stored (cased) id. */
export function findingFromRow(
  row: FindingRow,
  connectorId: string,
): StoredFindingRow {
  const opt = (v: string) => (v ? v : undefined);
  return {
    connectorId,
    id: row.finding_key,
    image: row.image,
    repository: row.repository,
    package: opt(row.package),
    title: row.title,
    severity: FINDING_SEVERITIES[Number(row.severity_rank)] as FindingSeverity,
    cves: JSON.parse(row.cves),
    installedVersion: opt(row.installed_version),
    fixedVersion: opt(row.fixed_version),
    firstSeenAt: opt(row.first_seen_at),
  };
}
