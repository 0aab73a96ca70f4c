import { InputError } from '@backstage/errors';
import {
  connectorEntityName,
  type AllowedSubscription,
} from '@defender-backstage/plugin-defender-for-containers-common';
import {
  defaultConnectorName,
  parseOnboardingInput,
} from './parseOnboardingInput';

const SUB = '00000000-0000-0000-0000-000000000001';
const allowed: AllowedSubscription[] = [
  {
    id: SUB,
    displayName: 'Production',
    resourceGroups: ['rg-defender'],
    defaults: {
      resourceGroup: 'rg-defender',
      location: 'westeurope',
      scanIntervalHours: 12,
    },
  },
];
const good = {
  organization: 'acme',
  username: 'mdcuser',
  accessToken: 'dckr_pat_abcdefghijklmnopqrstuvwxyz0',
  subscriptionId: SUB,
  resourceGroup: 'rg-defender',
  location: 'West Europe',
};
const parse = (patch: Record<string, unknown>) =>
  parseOnboardingInput({ ...good, ...patch }, allowed);

describe('parseOnboardingInput', () => {
  it('normalises and applies defaults', () => {
    const input = parse({
      resourceGroup: '',
      location: undefined,
      connectorName: '',
      owner: 'group:default/team-a',
      system: '',
    });
    expect(input).toMatchObject({
      organization: 'acme',
      resourceGroup: 'rg-defender',
      location: 'westeurope',
      connectorName: 'dockerhub-acme',
      connectorId: `/subscriptions/${SUB}/resourceGroups/rg-defender/providers/Microsoft.Security/securityConnectors/dockerhub-acme`,
      plans: { defenderForContainers: true, defenderCspm: false },
      scanIntervalHours: 12,
      tags: { 'backstage-owner': 'group:default/team-a' },
      writeScopedTokens: 'refuse',
    });
    expect(parse({ location: 'West Europe' }).location).toBe('westeurope');
  });

  it("normalises a subscription's default location written as a display name", () => {
    const displayNamed = [
      {
        ...allowed[0],
        defaults: { ...allowed[0].defaults, location: 'North Europe' },
      },
    ];
    const input = parseOnboardingInput(
      { ...good, location: undefined },
      displayNamed,
    );
    expect(input.location).toBe('northeurope');
  });

  it('the longest organization accepted still names a valid connector and catalog entity', () => {
    // 255 characters, every character class the rule allows, ending in '_'.
    const longest = `a${'b1-_'.repeat(63)}z_`;
    const input = parse({ organization: longest });
    expect(input.organization).toBe(longest);
    expect(input.connectorName).toMatch(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/);
    // The catalog's own validator runs on it in the common package's connectorEntity test.
    const name = connectorEntityName(longest);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^[a-z0-9]([-_.a-z0-9]*[a-z0-9])?$/);
    expect(() => parse({ organization: `${longest}x` })).toThrow(
      'the maximum is 255',
    );
  });

  it('derives a valid ARM name from very long organizations', () => {
    const name = defaultConnectorName('a'.repeat(255));
    expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/);
    expect(name).not.toBe(defaultConnectorName(`${'a'.repeat(254)}b`));
  });

  it.each([
    [{ organization: '' }, 'organization is required'],
    [{ organization: undefined }, 'organization is required'],
    [{ organization: 'Acme' }, "organization 'Acme' is not valid: expected"],
    [{ organization: 'acme/payments' }, 'is not valid'],
    [{ organization: 'аcme' }, 'U+0430 at position 1'],
    [{ organization: 'ac\u200bme' }, 'U+200B at position 3'],
    [
      { organization: 'a'.repeat(10_000) },
      'organization is 10000 characters long; the maximum is 255',
    ],
    [{ username: '' }, 'username is required'],
    [{ username: 'mdc user' }, "username 'mdc user' is not valid"],
    [{ username: 'x'.repeat(10_000) }, 'username is 10000 characters long'],
    [
      { accessToken: '   ' },
      'The Docker Hub access token is required: paste the read-only personal access token (dckr_pat_…) of Docker Hub user mdcuser',
    ],
    [
      { accessToken: 'dckr_pat_\u00e9' },
      'The Docker Hub access token contains a space, line break or non-ASCII',
    ],
    [
      { accessToken: 't'.repeat(10_000) },
      'The Docker Hub access token is 10000 characters long',
    ],
    [{ subscriptionId: 'prod' }, 'subscriptionId'],
    [
      { subscriptionId: '11111111-1111-1111-1111-111111111111' },
      'is not allowed: this Backstage manages connectors only in Production',
    ],
    [{ resourceGroup: 'rg.' }, "resourceGroup 'rg.' is not valid"],
    [
      { resourceGroup: 'r'.repeat(91) },
      'resourceGroup is 91 characters long; the maximum is 90',
    ],
    [{ resourceGroup: 'rg/../x' }, 'resourceGroup'],
    [{ location: 'west-europe!' }, 'location'],
    [{ connectorName: '-bad' }, "connectorName '-bad' is not valid"],
    [
      { connectorName: 'c'.repeat(81) },
      'connectorName is 81 characters long; the maximum is 80',
    ],
    [
      { scanIntervalHours: 0 },
      'scanIntervalHours must be a whole number of hours from 1 to 24, got 0',
    ],
    [{ scanIntervalHours: 25 }, 'got 25'],
    [{ scanIntervalHours: 1.5 }, 'got 1.5'],
    [{ scanIntervalHours: 'daily' }, "got 'daily'"],
    [
      { plans: { defenderCspm: 'yes' } },
      'plans.defenderCspm must be true or false',
    ],
    [{ owner: 'Team A' }, "owner 'Team A' is not valid"],
    [{ tags: { 'a/b': 'x' } }, 'a tag name'],
    [{ tags: { a: 'v'.repeat(257) } }, 'tag a is 257 characters long'],
    [
      { writeScopedTokens: 'allow' },
      "writeScopedTokens must be 'refuse' (default) or 'warn'",
    ],
  ])(
    'rejects %j with an InputError that says what to fix',
    (patch, message) => {
      let error: unknown;
      try {
        parse(patch);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toContain(message);
    },
  );

  const messageOf = (patch: Record<string, unknown>) => {
    try {
      parse(patch);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected an InputError');
  };

  it.each([
    ['empty', ''],
    ['blank', '  '],
    ['absent', undefined],
    ['not text', 42],
    ['non-ASCII', 'dckr_pat_\u00e9'],
    ['too long', 't'.repeat(2000)],
  ])(
    'names the token readably even after the scaffolder redacts its input key (%s)',
    (_what, accessToken) => {
      // In a task with secrets the scaffolder replaces every occurrence of the key a secret is
      // passed in ("accessToken") with ***, so the message must not depend on that word.
      const message = messageOf({ accessToken });
      expect(message).toMatch(/^The Docker Hub access token /);
      expect(message).not.toContain('accessToken');
    },
  );

  it('an empty token says what to paste, for which user', () => {
    expect(messageOf({ accessToken: '', username: 'mdc-acme' })).toBe(
      "The Docker Hub access token is required: paste the read-only personal access token (dckr_pat_…) of Docker Hub user mdc-acme into the form. A template passes it from a ui:field Secret parameter as ${{ secrets.<name> }}: if the form had one, check that <name> is that parameter's name",
    );
  });

  it('never echoes the token in an error', () => {
    expect(messageOf({ accessToken: 'dckr_pat_SECRET SECRET' })).not.toContain(
      'SECRET',
    );
  });

  it('does not echo 10k-character values back', () => {
    expect(
      messageOf({ connectorName: `x${'!'.repeat(9_999)}` }).length,
    ).toBeLessThan(300);
  });
});
