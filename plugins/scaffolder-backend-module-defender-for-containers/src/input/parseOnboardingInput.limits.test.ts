import { InputError } from '@backstage/errors';
import type { AllowedSubscription } from '@defender-backstage/plugin-defender-for-containers-common';
import {
  parseOnboardingInput,
  parseSubscription,
} from './parseOnboardingInput';

// Every input's limits at their exact edges, and the subscription allowlist, with the whole
// refusal a user sees. (Written against the survivors of `yarn mutation`.)
const PRODUCTION = 'aaaaaaaa-0000-4000-8000-00000000000a';
const STAGING = 'BBBBBBBB-0000-4000-8000-00000000000B';
const allowed: AllowedSubscription[] = [
  {
    id: PRODUCTION,
    displayName: 'Production',
    resourceGroups: ['rg-defender'],
    defaults: { resourceGroup: 'rg-defender', location: 'westeurope' },
  },
  {
    id: STAGING,
    displayName: 'Staging',
    resourceGroups: ['rg-staging'],
    defaults: {},
  },
];
const good = {
  organization: 'acme',
  username: 'mdcuser',
  accessToken: 'dckr_pat_abcdefghijklmnopqrstuvwxyz0',
  subscriptionId: PRODUCTION,
};

/** The refusal a user sees (an InputError), or the parsed input. */
function parse(patch: Record<string, unknown>) {
  try {
    return parseOnboardingInput({ ...good, ...patch }, allowed);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return { refused: (e as Error).message };
  }
}

describe('onboarding input limits', () => {
  it.each([
    ['organization', 'ab'],
    ['username', 'ab'],
    ['resourceGroup', 'r'],
    ['connectorName', 'c'],
    ['location', 'uk'],
  ])('%s: accepts the shortest value (%j)', (field, shortest) => {
    expect(parse({ [field]: shortest })).toMatchObject({ [field]: shortest });
  });

  it.each([
    [
      'organization',
      'a',
      "organization 'a' is not valid: expected the organization's Docker Hub namespace: 2–255 lower-case letters, digits, '-' or '_', e.g. acme",
    ],
    [
      'username',
      'a',
      "username 'a' is not valid: expected the dedicated Docker Hub user's name: lower-case letters, digits, '-', '_' or '.'",
    ],
    [
      'location',
      'u',
      "location 'u' is not an Azure region name: expected e.g. westeurope",
    ],
  ])('%s: refuses one character fewer (%j)', (field, tooShort, refusal) => {
    expect(parse({ [field]: tooShort })).toEqual({ refused: refusal });
  });

  it.each([
    ['organization', `a${'b1-_'.repeat(63)}z_`, 255],
    ['username', `m${'d.c-_'.repeat(50)}user`, 255],
    ['resourceGroup', `r${'g-_.()'.repeat(14)}abc()`, 90],
    ['connectorName', `c${'o.n-_'.repeat(15)}ntrx`, 80],
  ])(
    '%s: accepts the longest value and refuses one character more',
    (field, longest, max) => {
      expect(longest).toHaveLength(max);
      expect(parse({ [field]: longest })).toMatchObject({ [field]: longest });
      expect(parse({ [field]: `${longest}x` })).toEqual({
        refused: `${field} is ${
          max + 1
        } characters long; the maximum is ${max}`,
      });
    },
  );

  it('accessToken: accepts 1024 characters and refuses 1025, naming it without its input key', () => {
    const longest = `dckr_pat_${'t'.repeat(1015)}`;
    expect(parse({ accessToken: longest })).toMatchObject({
      accessToken: longest,
    });
    expect(parse({ accessToken: `${longest}x` })).toEqual({
      refused:
        'The Docker Hub access token is 1025 characters long; the maximum is 1024',
    });
  });

  it('location: accepts 60 characters as typed, 40 once spaces are dropped, and no more', () => {
    const typed = `${'w '.repeat(29)}ab`;
    expect(typed).toHaveLength(60);
    expect(parse({ location: typed })).toMatchObject({
      location: `${'w'.repeat(29)}ab`,
    });
    expect(parse({ location: `${typed} ` })).toMatchObject({
      location: `${'w'.repeat(29)}ab`,
    });
    expect(parse({ location: `${typed}c` })).toEqual({
      refused: 'location is 61 characters long; the maximum is 60',
    });
    expect(parse({ location: 'w'.repeat(40) })).toMatchObject({
      location: 'w'.repeat(40),
    });
    expect(parse({ location: 'w'.repeat(41) })).toEqual({
      refused: `location '${'w'.repeat(
        41,
      )}' is not an Azure region name: expected e.g. westeurope`,
    });
  });

  it.each(['owner', 'system'])(
    '%s: accepts the longest ref the catalog does (63-character namespace and name), refuses a longer part and more than 255 characters',
    field => {
      const longest = `group:${'n'.repeat(63)}/${'t'.repeat(63)}`;
      expect(parse({ [field]: longest })).toMatchObject({
        given: { [field]: longest },
      });
      // The connector provider and the owner filter read the tag by the catalog's rules: a
      // namespace of 64 characters would be an owner nobody could filter by.
      expect(parse({ [field]: `group:${'n'.repeat(64)}/team` })).toEqual({
        refused: expect.stringContaining(
          'expected a catalog entity ref such as group:default/team-a',
        ),
      });
      expect(parse({ [field]: `${'x'.repeat(256)}` })).toEqual({
        refused: `${field} is 256 characters long; the maximum is 255`,
      });
    },
  );

  it('tags: 48 tags (2 of the 50 kept for owner and system), names up to 512, values up to 256', () => {
    const tags = Object.fromEntries(
      Array.from({ length: 48 }, (_, i) => [`tag${i}`, 'v']),
    );
    expect(parse({ tags })).toMatchObject({ tags });
    expect(parse({ tags: { ...tags, tag48: 'v' } })).toEqual({
      refused:
        'tags has 49 entries; Azure allows 50 per resource, 2 of which are kept for owner and system',
    });
    const longName = 'n'.repeat(512);
    expect(parse({ tags: { [longName]: 'v' } })).toMatchObject({
      tags: { [longName]: 'v' },
    });
    expect(parse({ tags: { [`${longName}x`]: 'v' } })).toEqual({
      refused: 'a tag name is 513 characters long; the maximum is 512',
    });
    expect(parse({ tags: { team: 'v'.repeat(256) } })).toMatchObject({
      tags: { team: 'v'.repeat(256) },
    });
    expect(parse({ tags: { team: 'v'.repeat(257) } })).toEqual({
      refused: 'tag team is 257 characters long; the maximum is 256',
    });
  });

  it('scanIntervalHours: 1 to 24', () => {
    expect(parse({ scanIntervalHours: 1 })).toMatchObject({
      scanIntervalHours: 1,
    });
    expect(parse({ scanIntervalHours: 24 })).toMatchObject({
      scanIntervalHours: 24,
    });
    expect(parse({ scanIntervalHours: 0 })).toEqual({
      refused:
        'scanIntervalHours must be a whole number of hours from 1 to 24, got 0',
    });
    expect(parse({ scanIntervalHours: 25 })).toEqual({
      refused:
        'scanIntervalHours must be a whole number of hours from 1 to 24, got 25',
    });
  });
});

describe('subscription allowlist', () => {
  const subscription = (raw: unknown) => {
    try {
      return parseSubscription(raw, allowed);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return { refused: (e as Error).message };
    }
  };

  it('returns the allowed subscription, whatever the case of its id', () => {
    expect(subscription(PRODUCTION)).toBe(allowed[0]);
    expect(subscription(PRODUCTION.toUpperCase())).toBe(allowed[0]);
    expect(subscription(` ${PRODUCTION} `)).toBe(allowed[0]);
    // The operator wrote this one in capitals.
    expect(subscription(STAGING.toLowerCase())).toBe(allowed[1]);
    expect(subscription(STAGING)).toBe(allowed[1]);
  });

  it('refuses any other subscription, listing the allowed ones', () => {
    expect(subscription('11111111-1111-1111-1111-111111111111')).toEqual({
      refused: `subscriptionId 11111111-1111-1111-1111-111111111111 is not allowed: this Backstage manages connectors only in Production (${PRODUCTION}), Staging (${STAGING}). Pick one of those, or ask the Backstage operator to add it to defenderForContainers.azure.subscriptions`,
    });
  });

  it('refuses a subscription that only differs in a character from an allowed one', () => {
    const near = `${PRODUCTION.slice(0, -1)}b`;
    expect(subscription(near)).toEqual({
      refused: `subscriptionId ${near} is not allowed: this Backstage manages connectors only in Production (${PRODUCTION}), Staging (${STAGING}). Pick one of those, or ask the Backstage operator to add it to defenderForContainers.azure.subscriptions`,
    });
  });

  it.each([
    ['prod', "'prod'"],
    [`${PRODUCTION.slice(1)}`, `'${PRODUCTION.slice(1)}'`],
    [PRODUCTION.replaceAll('-', '_'), `'${PRODUCTION.replaceAll('-', '_')}'`],
  ])('refuses %j, which is no subscription id', (raw, echoed) => {
    expect(subscription(raw)).toEqual({
      refused: `subscriptionId ${echoed} is not valid: expected a subscription id (GUID), e.g. 00000000-0000-0000-0000-000000000000`,
    });
  });

  it('refuses a 37-character id before anything else', () => {
    expect(subscription(`${PRODUCTION}0`)).toEqual({
      refused: 'subscriptionId is 37 characters long; the maximum is 36',
    });
  });

  it('refuses an absent id, or a look-alike character in it', () => {
    expect(subscription(undefined)).toEqual({
      refused: 'subscriptionId is required',
    });
    expect(subscription(`${PRODUCTION.slice(0, -1)}а`)).toEqual({
      refused:
        'subscriptionId contains the character U+0430 at position 36: only plain ASCII is allowed (look-alike letters and invisible characters are refused)',
    });
  });
});
