import {
  FINDING_SEVERITIES,
  type Finding,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { connectorIdOf } from './defenderResponses';

/** One finding of `acme/payments-api:1.4.2`, as the backend lists it. */
export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: 'f-0001',
    connectorId: connectorIdOf('acme'),
    organization: 'acme',
    image: 'acme/payments-api:1.4.2',
    repository: 'acme/payments-api',
    package: 'openssl',
    title: 'openssl: CVE-2026-0001',
    severity: 'Critical',
    cves: ['CVE-2026-0001'],
    installedVersion: '3.0.11',
    fixedVersion: '3.0.14',
    firstSeenAt: '2026-02-10T08:00:00.000Z',
    ...overrides,
  };
}

/** Real package names with the versions an old Debian base image carries. */
const PACKAGES: Array<[string, string, string | undefined]> = [
  ['openssl', '3.0.11', '3.0.14'],
  ['zlib', '1.2.13', undefined],
  ['libxml2', '2.9.14', '2.9.14+dfsg-1.3'],
  ['curl', '7.88.1', '7.88.1-10+deb12u5'],
  ['glibc', '2.36', undefined],
  ['expat', '2.5.0', '2.5.0-1+deb12u1'],
  ['busybox', '1.36.1', undefined],
  ['libwebp', '1.2.4', '1.2.4-0.2+deb12u1'],
  ['perl', '5.36.0', undefined],
  ['sqlite3', '3.40.1', '3.40.1-2+deb12u1'],
];

/**
 * `count` findings of `org`'s repositories, spread over severities, packages, images and days,
 * the same every time: enough to page through, sort and filter. Every fifth is a GitHub advisory,
 * every seventh has two CVEs, one in eleven names no package.
 */
export function findingsOf(
  org: string,
  repositories: string[],
  count: number,
): Finding[] {
  return Array.from({ length: count }, (_, i) => {
    const [pkg, installed, fixed] = PACKAGES[i % PACKAGES.length];
    const repository = `${org}/${repositories[i % repositories.length]}`;
    const n = String(i + 1).padStart(4, '0');
    const cve = i % 5 === 4 ? `GHSA-${n}-abcd-efgh` : `CVE-2025-${n}`;
    const cves = i % 7 === 6 ? [cve, `CVE-2024-${n}`] : [cve];
    const image =
      i % 13 === 12
        ? `${repository}@sha256:${'0123456789abcdef'.repeat(4)}`
        : `${repository}:1.${i % 3}.0`;
    return {
      id: `${org}-${n}`,
      connectorId: connectorIdOf(org),
      organization: org,
      image,
      repository,
      package: i % 11 === 10 ? undefined : pkg,
      title: `${pkg}: ${cve}`,
      severity: FINDING_SEVERITIES[(i * 7) % 4],
      cves,
      installedVersion: installed,
      fixedVersion: fixed,
      firstSeenAt: new Date(Date.UTC(2026, 0, 1 + (i % 59), 6)).toISOString(),
    };
  });
}
