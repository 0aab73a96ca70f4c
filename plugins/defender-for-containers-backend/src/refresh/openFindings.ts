import { createHash } from 'node:crypto';
import {
  FINDING_SEVERITIES,
  type WorstFinding,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { StoredFinding } from '../store/HealthStore';
import type { OpenFindingsRow } from './findingsQueries';

/** `org/repo:tag` → `org/repo`; digests (`@sha256:…`) too. */
export function repositoryOf(image: string): string {
  return image
    .replace(/@.*$/, '')
    .replace(/:[^/:]*$/, '')
    .toLowerCase();
}

/** `CvesDetails` arrives parsed (`parse_json`) or, from some sources, as JSON text. */
export function cveIds(cves: unknown): string[] {
  let list: unknown = cves;
  if (typeof cves === 'string') {
    try {
      list = JSON.parse(cves);
    } catch {
      list = [];
    }
  }
  return Array.isArray(list)
    ? list
        .map(c => (typeof c === 'string' ? c : c?.CveId ?? c?.cveId))
        .filter((c): c is string => typeof c === 'string')
        .map(c => c.slice(0, 40))
        .slice(0, 20)
    : [];
}

/** `tostring()` of `DetectedSoftwareVersions`: JSON text of an array, or a plain string. */
function versions(value: unknown): string | undefined {
  const text = String(value ?? '').trim();
  if (!text) return undefined;
  if (text.startsWith('[')) {
    try {
      const list = JSON.parse(text);
      if (Array.isArray(list)) {
        return list.map(String).join(', ').slice(0, 200) || undefined;
      }
    } catch {
      // Not JSON after all: shown as Azure sent it.
    }
  }
  return text.slice(0, 200);
}

const optional = (value: unknown, max: number) => {
  const text = String(value ?? '').trim();
  return text ? text.slice(0, max) : undefined;
};

function isoOrUndefined(value: unknown): string | undefined {
  const time = Date.parse(String(value ?? ''));
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * The open findings of `openFindingsQuery`'s rows, by lower-cased connector id: the most severe
 * first (the rows come ordered by severity), at most `max` per connector, each once.
 */
export function openFindingsByConnector(
  rows: OpenFindingsRow[],
  wanted: Set<string>,
  max: number,
): Map<string, StoredFinding[]> {
  const byConnector = new Map<string, StoredFinding[]>();
  const seen = new Set<string>();
  for (const row of rows) {
    const connectorId = String(row.connectorId ?? '').toLowerCase();
    const severity = FINDING_SEVERITIES[Number(row.severityRank)];
    if (!wanted.has(connectorId) || !severity) continue;
    let list = byConnector.get(connectorId);
    if (!list) byConnector.set(connectorId, (list = []));
    for (const item of Array.isArray(row.findings) ? row.findings : []) {
      if (list.length >= max) break;
      if (!Array.isArray(item)) continue;
      const [
        assessmentId,
        imageName,
        displayName,
        fixed,
        cves,
        pkg,
        installed,
        firstSeen,
      ] = item;
      const image = String(imageName ?? '')
        .toLowerCase()
        .slice(0, 400);
      const title = String(displayName ?? '').slice(0, 300);
      if (!assessmentId || !image || !title) continue;
      const id = createHash('sha256')
        .update(String(assessmentId).toLowerCase())
        .digest('hex')
        .slice(0, 32);
      if (seen.has(`${connectorId}|${id}`)) continue;
      seen.add(`${connectorId}|${id}`);
      list.push({
        id,
        image,
        repository: repositoryOf(image),
        package: optional(pkg, 200),
        title,
        severity,
        cves: cveIds(cves),
        installedVersion: versions(installed),
        fixedVersion: optional(fixed, 200),
        firstSeenAt: isoOrUndefined(firstSeen),
      });
    }
  }
  return byConnector;
}

/**
 * The card's worst findings: Critical, then High; the same finding (title and fix) in several
 * images is one line with its images.
 */
export function worstOf(open: StoredFinding[], limit: number): WorstFinding[] {
  const worst: WorstFinding[] = [];
  const byKey = new Map<string, WorstFinding>();
  for (const f of open) {
    if (f.severity !== 'Critical' && f.severity !== 'High') continue;
    const key = `${f.severity}|${f.title}|${f.fixedVersion ?? ''}`;
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.images.includes(f.image) && existing.images.length < 50) {
        existing.images.push(f.image);
      }
      continue;
    }
    if (worst.length >= limit) continue;
    const finding: WorstFinding = {
      title: f.title,
      severity: f.severity,
      cves: f.cves,
      ...(f.fixedVersion ? { fixedVersion: f.fixedVersion } : {}),
      images: [f.image],
    };
    byKey.set(key, finding);
    worst.push(finding);
  }
  return worst;
}
