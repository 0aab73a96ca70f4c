import { createHash } from 'node:crypto';
import {
  dockerHubOfferings,
  type SecurityConnector,
} from '@defender-backstage/plugin-defender-for-containers-node';
import type { OnboardingInput } from '../input/parseOnboardingInput';

/** The non-secret configuration of a Docker Hub connector, in a comparable form. */
export interface ConnectorSettings {
  organization: string;
  username: string;
  location: string;
  scanIntervalHours: number;
  offerings: string[];
  tags: Record<string, string>;
}

const sortedTags = (tags: Record<string, string> = {}) =>
  Object.fromEntries(
    Object.entries(tags).sort(([a], [b]) => a.localeCompare(b)),
  );

export function desiredSettings(input: OnboardingInput): ConnectorSettings {
  return {
    organization: input.organization,
    username: input.username,
    location: input.location,
    scanIntervalHours: input.scanIntervalHours,
    offerings: dockerHubOfferings(input.plans).sort(),
    tags: sortedTags(input.tags),
  };
}

/** What an existing connector is configured with; the token is not (and cannot be) part of it. */
export function actualSettings(c: SecurityConnector): ConnectorSettings {
  return {
    organization: c.properties?.hierarchyIdentifier ?? '',
    username: c.properties?.environmentData?.authentication?.username ?? '',
    location: (c.location ?? '').toLowerCase().replace(/ /g, ''),
    scanIntervalHours: Number(c.properties?.environmentData?.scanInterval ?? 0),
    offerings: (c.properties?.offerings ?? []).map(o => o.offeringType).sort(),
    tags: sortedTags(c.tags),
  };
}

export function sameSettings(a: ConnectorSettings, b: ConnectorSettings) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Portal names of the offerings, so a conflict reads as the plans the user chose. */
const PLAN_NAMES: Record<string, string> = {
  CspmMonitorDockerHub: 'Foundational CSPM',
  DefenderForContainersDockerHub: 'Defender for Containers',
  DefenderCspmDockerHub: 'Defender CSPM',
};

const plansOf = (offerings: string[]) =>
  offerings.length
    ? offerings.map(o => PLAN_NAMES[o] ?? o).join(' + ')
    : 'none';
const quoted = (v: string | undefined) => (v === undefined ? 'none' : `'${v}'`);

/**
 * Field by field, how what Azure holds differs from what this run wanted, e.g.
 * `scan interval: Azure holds 6 h, this run wanted 12 h`. Non-secret settings only: the token is
 * never compared (Azure does not return it) and never named.
 */
export function describeDifferences(
  wanted: ConnectorSettings,
  held: ConnectorSettings,
): string[] {
  const line = (field: string, azure: string, ours: string) =>
    `${field}: Azure holds ${azure}, this run wanted ${ours}`;
  const out: string[] = [];
  if (held.organization !== wanted.organization) {
    out.push(
      line(
        'organization',
        quoted(held.organization),
        quoted(wanted.organization),
      ),
    );
  }
  if (JSON.stringify(held.offerings) !== JSON.stringify(wanted.offerings)) {
    out.push(line('plans', plansOf(held.offerings), plansOf(wanted.offerings)));
  }
  if (held.scanIntervalHours !== wanted.scanIntervalHours) {
    out.push(
      line(
        'scan interval',
        `${held.scanIntervalHours} h`,
        `${wanted.scanIntervalHours} h`,
      ),
    );
  }
  if (held.username !== wanted.username) {
    out.push(line('user', quoted(held.username), quoted(wanted.username)));
  }
  if (held.location !== wanted.location) {
    out.push(line('location', quoted(held.location), quoted(wanted.location)));
  }
  const tagNames = [
    ...new Set([...Object.keys(held.tags), ...Object.keys(wanted.tags)]),
  ].sort();
  for (const name of tagNames) {
    if (held.tags[name] !== wanted.tags[name]) {
      out.push(
        line(`tag ${name}`, quoted(held.tags[name]), quoted(wanted.tags[name])),
      );
    }
  }
  return out;
}

/**
 * Checkpoint key of the PUT: the connector id and a hash of the non-secret configuration. Never
 * derived from the token, time or randomness, so a retried task finds its own earlier PUT.
 */
export function putCheckpointKey(input: OnboardingInput): string {
  const hash = createHash('sha256')
    .update(
      JSON.stringify({
        id: input.connectorId.toLowerCase(),
        ...desiredSettings(input),
      }),
    )
    .digest('hex')
    .slice(0, 16);
  return `defender.dockerhub.connector.put.${input.connectorId.toLowerCase()}.${hash}`;
}
