import { createHash } from 'node:crypto';
import { InputError } from '@backstage/errors';
import {
  CONNECTOR_TAG_TOKEN_EXPIRES,
  DOCKER_HUB_ORGANIZATION_PATTERN,
  type AllowedSubscription,
} from '@defender-backstage/plugin-defender-for-containers-common';
import {
  formatSecurityConnectorId,
  type DockerHubConnectorPlans,
} from '@defender-backstage/plugin-defender-for-containers-node';
import {
  optionalBooleanInput,
  optionalIntegerInput,
  optionalTextInput,
  textInput,
} from './inputRules';
import { parseConnectorTags } from './parseConnectorTags';
import { parseTokenExpiresOnInput } from './parseTokenExpiresOn';

/** Docker Hub namespaces: lower-case letters, digits, `-`, `_` (the template's rule). */
export const ORGANIZATION = DOCKER_HUB_ORGANIZATION_PATTERN;
const USERNAME = /^[a-z0-9][a-z0-9_.-]{1,254}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** ARM resource group rule (1–90 of `-\w._()`, not ending with a period). */
const RESOURCE_GROUP = /^[-\w._()]{0,89}[-\w_()]$/;
/** Security connector names: what the template offers and ARM accepts. */
const CONNECTOR_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;
const LOCATION = /^[a-z][a-z0-9]{1,39}$/;

/** @public */
export type WriteScopedTokenPolicy = 'refuse' | 'warn';

/**
 * The connector settings the input states explicitly. Whatever is absent keeps the value of an
 * existing connector (see `resolveConnectorSettings`), else takes the defaults.
 */
export interface GivenSettings {
  location?: string;
  defenderForContainers?: boolean;
  defenderCspm?: boolean;
  scanIntervalHours?: number;
  owner?: string;
  system?: string;
  /** The `tags` input (further tags), when given. */
  tags?: Record<string, string>;
}

/**
 * Where and how the connector would be written, checked and normalised. `location`, `plans`,
 * `scanIntervalHours` and `tags` are those of a new connector (input, else subscription defaults,
 * else built-in defaults; `location` is '' when neither gives one) until
 * `resolveConnectorSettings` has applied an existing connector's.
 */
export interface OnboardingTarget {
  organization: string;
  subscription: AllowedSubscription;
  resourceGroup: string;
  location: string;
  connectorName: string;
  connectorId: string;
  plans: DockerHubConnectorPlans;
  scanIntervalHours: number;
  tags: Record<string, string>;
  given: GivenSettings;
}

/** The target plus the Docker Hub credential (what `validate` and `onboard` take). */
export interface OnboardingInput extends OnboardingTarget {
  username: string;
  accessToken: string;
  /** The token's expiry day (`YYYY-MM-DD`); undefined: it never expires, or was not given. */
  tokenExpiresOn?: string;
  writeScopedTokens: WriteScopedTokenPolicy;
}

/** `dockerhub-<org>`, shortened with a hash suffix when the organization name is very long. */
export function defaultConnectorName(organization: string): string {
  const name = `dockerhub-${organization}`;
  if (name.length <= 80) return name;
  const hash = createHash('sha256')
    .update(organization)
    .digest('hex')
    .slice(0, 8);
  return `${name.slice(0, 71)}-${hash}`;
}

export function parseOrganization(raw: unknown, field = 'organization') {
  const value = textInput(field, raw, {
    maxLength: 255,
    pattern: ORGANIZATION,
    expected:
      "the organization's Docker Hub namespace: 2–255 lower-case letters, digits, '-' or '_', e.g. acme",
  });
  return value;
}

export function parseSubscription(
  raw: unknown,
  allowed: AllowedSubscription[],
): AllowedSubscription {
  const id = textInput('subscriptionId', raw, {
    maxLength: 36,
    pattern: GUID,
    expected:
      'a subscription id (GUID), e.g. 00000000-0000-0000-0000-000000000000',
  });
  const subscription = allowed.find(
    s => s.id.toLowerCase() === id.toLowerCase(),
  );
  if (!subscription) {
    throw new InputError(
      `subscriptionId ${id} is not allowed: this Backstage manages connectors only in ${allowed
        .map(s => `${s.displayName} (${s.id})`)
        .join(
          ', ',
        )}. Pick one of those, or ask the Backstage operator to add it to defenderForContainers.azure.subscriptions`,
    );
  }
  return subscription;
}

export function parseResourceGroup(
  raw: unknown,
  subscription: AllowedSubscription,
) {
  const value =
    optionalTextInput('resourceGroup', raw, {
      maxLength: 90,
      pattern: RESOURCE_GROUP,
      expected:
        "1–90 letters, digits, '-', '_', '.', '(' or ')', not ending with '.'",
    }) ?? subscription.defaults.resourceGroup;
  if (!value) {
    throw new InputError(
      `resourceGroup is required: subscription ${subscription.displayName} has no default resource group`,
    );
  }
  return value;
}

export function parseConnectorName(raw: unknown, organization: string) {
  return (
    optionalTextInput('connectorName', raw, {
      maxLength: 80,
      pattern: CONNECTOR_NAME,
      expected:
        "1–80 letters, digits, '-', '_' or '.', starting with a letter or digit (leave empty for dockerhub-<organization>)",
    }) ?? defaultConnectorName(organization)
  );
}

/**
 * Checks and normalises the inputs of `validate` / `onboard` before any remote call. Throws an
 * `InputError` saying what to fix.
 */
export function parseOnboardingInput(
  input: Record<string, unknown>,
  allowed: AllowedSubscription[],
): OnboardingInput {
  // Field by field in form order, so the first error names the first wrong field.
  parseOrganization(input.organization);
  const username = textInput('username', input.username, {
    maxLength: 255,
    pattern: USERNAME,
    expected:
      "the dedicated Docker Hub user's name: lower-case letters, digits, '-', '_' or '.'",
  });
  const accessToken = textInput('accessToken', input.accessToken, {
    maxLength: 1024,
    secret: true,
    label: 'The Docker Hub access token',
    whenMissing: `paste the read-only personal access token (dckr_pat_…) of Docker Hub user ${username} into the form. A template passes it from a ui:field Secret parameter as \${{ secrets.<name> }}: if the form had one, check that <name> is that parameter's name`,
  });
  const target = parseOnboardingTarget(input, allowed);
  const policy = input.writeScopedTokens ?? 'refuse';
  if (policy !== 'refuse' && policy !== 'warn') {
    throw new InputError(
      "writeScopedTokens must be 'refuse' (default) or 'warn'",
    );
  }
  const tokenExpiresOn = parseTokenExpiresOnInput(input.tokenExpiresOn);
  const tags = { ...target.tags };
  delete tags[CONNECTOR_TAG_TOKEN_EXPIRES];
  if (tokenExpiresOn) tags[CONNECTOR_TAG_TOKEN_EXPIRES] = tokenExpiresOn;
  return {
    ...target,
    tags,
    username,
    accessToken,
    tokenExpiresOn,
    writeScopedTokens: policy,
  };
}

/**
 * The target half of the onboarding inputs (no credential), for the token-free validation an AI
 * assistant may ask for. Throws an `InputError` saying what to fix.
 */
export function parseOnboardingTarget(
  input: Record<string, unknown>,
  allowed: AllowedSubscription[],
): OnboardingTarget {
  const organization = parseOrganization(input.organization);
  const subscription = parseSubscription(input.subscriptionId, allowed);
  const resourceGroup = parseResourceGroup(input.resourceGroup, subscription);
  const rawLocation = optionalTextInput('location', input.location, {
    maxLength: 60,
    pattern: /^[A-Za-z0-9 ]+$/,
    expected: 'an Azure region name, e.g. westeurope',
  });
  // ARM names regions in lower case without spaces; 'West Europe' and 'westeurope' are one region.
  const normalizeLocation = (l: string) => l.toLowerCase().replace(/ /g, '');
  const givenLocation = rawLocation && normalizeLocation(rawLocation);
  // Without one, an existing connector's location applies; resolveConnectorSettings insists on
  // one for a new connector.
  const location =
    givenLocation ??
    (subscription.defaults.location &&
      normalizeLocation(subscription.defaults.location)) ??
    '';
  if (location && !LOCATION.test(location)) {
    throw new InputError(
      `location '${location}' is not an Azure region name: expected e.g. westeurope`,
    );
  }
  const connectorName = parseConnectorName(input.connectorName, organization);
  const plansRaw = input.plans ?? {};
  if (typeof plansRaw !== 'object' || Array.isArray(plansRaw)) {
    throw new InputError(
      'plans must be an object like { defenderForContainers: true, defenderCspm: false }',
    );
  }
  const plansInput = plansRaw as Record<string, unknown>;
  const given: GivenSettings = {
    location: givenLocation,
    defenderForContainers: optionalBooleanInput(
      'plans.defenderForContainers',
      plansInput.defenderForContainers,
    ),
    defenderCspm: optionalBooleanInput(
      'plans.defenderCspm',
      plansInput.defenderCspm,
    ),
    scanIntervalHours: optionalIntegerInput(
      'scanIntervalHours',
      input.scanIntervalHours,
      { min: 1, max: 24, unit: 'hours' },
    ),
  };
  const plans = {
    defenderForContainers:
      given.defenderForContainers ??
      subscription.defaults.defenderForContainers ??
      true,
    defenderCspm:
      given.defenderCspm ?? subscription.defaults.defenderCspm ?? false,
  };
  const scanIntervalHours =
    given.scanIntervalHours ?? subscription.defaults.scanIntervalHours ?? 24;
  const { owner, system, given: givenTags, tags } = parseConnectorTags(input);
  given.owner = owner;
  given.system = system;
  given.tags = givenTags;
  return {
    organization,
    subscription,
    resourceGroup,
    location,
    connectorName,
    connectorId: formatSecurityConnectorId({
      subscriptionId: subscription.id,
      resourceGroup,
      name: connectorName,
    }),
    plans,
    scanIntervalHours,
    tags,
    given,
  };
}
