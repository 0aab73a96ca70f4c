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
