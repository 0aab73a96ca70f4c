import { createHash } from 'node:crypto';

/*
 * What one individual container-image recommendation says about its finding, derived from a hash
 * of the finding's key: deterministic per finding, independent of the others.
 *
 * Field names (Microsoft Learn, "Transition from grouped to individual recommendations",
 * https://learn.microsoft.com/azure/defender-for-cloud/transition-grouped-individual-recommendations):
 * `additionalData.DetectedSoftwareVersions` "May contain multiple values" (an array),
 * `additionalData.FixedVersion` "May be empty if no fix is available", `CvesDetails` a list of
 * `{ CveId }`. `additionalData.SoftwareName` (the package) is not on that page [inferred]: it is
 * the name public Defender for Cloud queries read. `status.firstEvaluationDate` is the assessment
 * API's "time that the assessment was created and first evaluated", ISO 8601 UTC
 * (https://learn.microsoft.com/rest/api/defenderforcloud/assessments/get).
 */

export function hashInt(...parts: string[]): number {
  return createHash('sha256').update(parts.join('/')).digest().readUInt32BE(0);
}

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

export interface FindingDetails {
  displayName: string;
  softwareName: string;
  /** Empty: no fix available (about one finding in three). */
  fixedVersion: string;
  /** The installed versions, usually one, sometimes two (the package twice in the image). */
  detectedSoftwareVersions: string[];
  cves: { CveId: string }[];
}

/** Package, CVE, installed and fixed versions of the finding with this key. */
export function findingDetails(key: string[]): FindingDetails {
  const h = hashInt(...key);
  const pkg = PACKAGES[h % PACKAGES.length];
  const cve = `CVE-20${20 + (h % 6)}-${10000 + (h % 50000)}`;
  const [major, minor, patch] = [1 + (h % 4), h % 20, h % 9];
  // The installed version is older than the one that fixes it, Alpine-style release suffix.
  const release = (h >>> 4) % 4;
  const detected = [`${major - 1}.${minor}.${patch}-r${release}`];
  if (hashInt(...key, 'versions') % 8 === 0) {
    detected.push(`${major - 1}.${minor}.${patch}-r${release + 1}`);
  }
  const noFix = hashInt(...key, 'fix') % 3 === 0;
  return {
    displayName: `${pkg}: ${cve}`,
    softwareName: pkg,
    fixedVersion: noFix ? '' : `${major}.${minor}.${patch}`,
    detectedSoftwareVersions: detected,
    cves: [{ CveId: cve }],
  };
}

/**
 * When Defender first evaluated the finding: a point, fixed per finding, of the window from the
 * connector's creation (or the image's push, if later) to the connector's first evaluation or the
 * scenario's load, whichever is later. Both ends are past once the finding is visible (it is only
 * after the first evaluation), so the date is never in the future and never moves as the clock
 * advances. Where in that window Defender evaluates is undocumented [inferred].
 */
export function firstEvaluationDate(
  key: string[],
  window: {
    connectorCreated: number;
    imagePushed: number;
    firstEvaluation: number;
    loadedAt: number;
    now: number;
  },
): string {
  const end = Math.min(
    window.now,
    Math.max(window.firstEvaluation, window.loadedAt),
  );
  const start = Math.min(
    end,
    Math.max(window.connectorCreated, window.imagePushed),
  );
  const fraction = hashInt(...key, 'first-evaluation') / 0x1_0000_0000;
  return new Date(start + Math.floor(fraction * (end - start))).toISOString();
}
