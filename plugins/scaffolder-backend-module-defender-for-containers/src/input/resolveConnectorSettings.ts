import { InputError } from '@backstage/errors';
import {
  CONNECTOR_TAG_OWNER,
  CONNECTOR_TAG_SYSTEM,
  CONNECTOR_TAG_TOKEN_EXPIRES,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { SecurityConnector } from '@defender-backstage/plugin-defender-for-containers-node';
import { actualSettings } from '../onboarding/connectorFingerprint';
import type { OnboardingInput } from './parseOnboardingInput';

const OWNERSHIP = [CONNECTOR_TAG_OWNER, CONNECTOR_TAG_SYSTEM];

/**
 * The settings the connector is written with, once the pre-flight has found (or not) this
 * organization's connector at the target: explicit input, else the existing connector's value,
 * else the subscription's default, else the built-in default. So a run that states only a new
 * token (rotation) keeps plans, scan interval, location and tags as they are in Azure.
 *
 * Tags: `owner` / `system` replace `backstage-owner` / `backstage-system`; the `tags` input, when
 * given, replaces the further tags; whatever is not given is kept.
 *
 * Throws an `InputError` when the connector would need a location and has none, or when an
 * explicit location differs from the existing connector's (ARM cannot move a resource).
 */
export function resolveConnectorSettings(
  input: OnboardingInput,
  existing: SecurityConnector | undefined,
): OnboardingInput {
  const current = existing && actualSettings(existing);
  const location =
    input.given.location ?? (current?.location || input.location);
  if (!location) {
    throw new InputError(
      `location is required: subscription ${input.subscription.displayName} has no default location`,
    );
  }
  if (!existing || !current) return input;
  const { given } = input;
  if (
    given.location &&
    current.location &&
    given.location !== current.location
  ) {
    throw new InputError(
      `location ${given.location} differs from ${input.connectorName}'s ${current.location}, and Azure cannot move a connector to another region. Leave location empty to keep ${current.location}, or offboard the connector and onboard it again in ${given.location}.`,
    );
  }
  const interval = current.scanIntervalHours;
  const offerings = existing.properties?.offerings
    ? current.offerings
    : undefined;
  const ownership = (tags: Record<string, string>, keep: boolean) =>
    Object.fromEntries(
      Object.entries(tags).filter(([k]) => OWNERSHIP.includes(k) === keep),
    );
  const tags: Record<string, string> = {
    ...ownership(current.tags, true),
    ...(given.tags ?? ownership(current.tags, false)),
    ...(given.owner ? { [CONNECTOR_TAG_OWNER]: given.owner } : {}),
    ...(given.system ? { [CONNECTOR_TAG_SYSTEM]: given.system } : {}),
  };
  // The expiry belongs to the token sent now, not to the one the connector had.
  delete tags[CONNECTOR_TAG_TOKEN_EXPIRES];
  if (input.tokenExpiresOn) {
    tags[CONNECTOR_TAG_TOKEN_EXPIRES] = input.tokenExpiresOn;
  }
  return {
    ...input,
    location,
    plans: {
      defenderForContainers:
        given.defenderForContainers ??
        offerings?.includes('DefenderForContainersDockerHub') ??
        input.plans.defenderForContainers,
      defenderCspm:
        given.defenderCspm ??
        offerings?.includes('DefenderCspmDockerHub') ??
        input.plans.defenderCspm,
    },
    scanIntervalHours:
      given.scanIntervalHours ??
      (Number.isInteger(interval) && interval >= 1 && interval <= 24
        ? interval
        : input.scanIntervalHours),
    tags,
  };
}
