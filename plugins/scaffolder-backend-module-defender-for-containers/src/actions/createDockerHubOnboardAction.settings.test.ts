import { InputError } from '@backstage/errors';
import {
  ACME_CONNECTOR_ID as CONNECTOR_ID,
  ACME_INPUT,
  RG,
  TOKENS,
} from '../__testUtils__/scenario';
import { sharedActionsEmulator } from '../__testUtils__/sharedActionsEmulator';
import { runAction } from '../__testUtils__/startActionsEmulator';

const base = {
  ...ACME_INPUT,
  owner: 'group:default/platform-team',
  system: 'containers',
};

/** Settings the input does not state: explicit input → existing connector → subscription defaults. */
describe('defender:dockerhub:onboard keeps what the input does not state', () => {
  const t = sharedActionsEmulator();
  const onboard = (patch: Record<string, unknown> = {}) =>
    runAction(t.onboard, { ...base, ...patch });
  const acme = () => t.connector(CONNECTOR_ID);

  // What the rotate template sends: no plans, interval, location, owner, system or tags.
  const rotation = { ...ACME_INPUT, accessToken: TOKENS.read2 };
  // Differs from every default of the subscription (westeurope, Defender for Containers on,
  // Defender CSPM off, 24 hours, no tags).
  const configured = {
    ...base,
    location: 'northeurope',
    plans: { defenderForContainers: false, defenderCspm: true },
    scanIntervalHours: 6,
    tags: { 'cost-center': '42' },
  };
  const settingsOf = (c: any) => ({
    location: c.location,
    offerings: c.properties.offerings.map((o: any) => o.offeringType).sort(),
    scanInterval: c.properties.environmentData.scanInterval,
    tags: c.tags,
  });
  const kept = {
    location: 'northeurope',
    offerings: ['CspmMonitorDockerHub', 'DefenderCspmDockerHub'],
    scanInterval: 6,
    tags: {
      'backstage-owner': 'group:default/platform-team',
      'backstage-system': 'containers',
      'cost-center': '42',
    },
  };

  it('token rotation keeps the plans, interval, location and tags of the existing connector', async () => {
    expect((await onboard(configured)).error).toBeUndefined();
    expect(settingsOf(acme())).toEqual(kept);
    const r = await runAction(t.onboard, rotation);
    expect(r.error).toBeUndefined();
    expect(r.outputs).toMatchObject({
      operation: 'updated',
      configurationChanged: false,
      plans: {
        foundationalCspm: true,
        defenderForContainers: false,
        defenderCspm: true,
      },
      offerings: ['CspmMonitorDockerHub', 'DefenderCspmDockerHub'],
      scanIntervalHours: 6,
    });
    expect(settingsOf(acme())).toEqual(kept);
    expect(acme().credential).toMatchObject({ username: 'mdcuser' });
  });

  it("writes the token's expiry day as a tag, which a rotation replaces with the new token's (or drops)", async () => {
    const inDays = (n: number) =>
      new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const expiry = () => acme().tags['dockerhub-token-expires'];
    expect(
      (await onboard({ tokenExpiresOn: inDays(10) })).error,
    ).toBeUndefined();
    expect(expiry()).toBe(inDays(10));
    expect(acme().tags['backstage-owner']).toBe('group:default/platform-team');
    // Rotation with a later day: the old token's day goes with it.
    const later = await runAction(t.onboard, {
      ...rotation,
      tokenExpiresOn: inDays(90),
    });
    expect(later.error).toBeUndefined();
    expect(expiry()).toBe(inDays(90));
    // A token that never expires carries no expiry.
    await runAction(t.onboard, { ...rotation, tokenExpiresOn: 'never' });
    expect(expiry()).toBeUndefined();
    expect(acme().tags['backstage-owner']).toBe('group:default/platform-team');
  });

  it('refuses an expiry day that is not a day, is past or is more than a year away, before any call', async () => {
    for (const [day, says] of [
      ['31.12.2027', /not a day: give the token's expiry day as YYYY-MM-DD/],
      ['2020-01-01', /not in the future: that token has expired/],
      ['2099-01-01', /more than a year away/],
    ] as const) {
      const r = await runAction(t.onboard, { ...base, tokenExpiresOn: day });
      expect(r.error).toBeInstanceOf(InputError);
      expect(r.error?.message).toMatch(says);
    }
    expect(acme()).toBeUndefined();
  });

  it('dry run of a rotation previews the kept settings', async () => {
    await onboard(configured);
    const r = await runAction(t.onboard, rotation, { isDryRun: true });
    expect(r.error).toBeUndefined();
    expect(r.outputs).toMatchObject({
      operation: 'dry-run',
      configurationChanged: false,
      scanIntervalHours: 6,
      offerings: ['CspmMonitorDockerHub', 'DefenderCspmDockerHub'],
    });
    const printed = r.logs.map(l => l.message).join('\n');
    expect(printed).toContain('"location": "northeurope"');
    expect(printed).toContain('"scanInterval": 6');
    expect(printed).toContain('"cost-center": "42"');
    expect(printed).not.toContain(TOKENS.read2);
  });

  it('an explicit new interval changes only the interval', async () => {
    await onboard(configured);
    const r = await runAction(t.onboard, {
      ...rotation,
      scanIntervalHours: 12,
    });
    expect(r.error).toBeUndefined();
    expect(r.outputs).toMatchObject({
      configurationChanged: true,
      scanIntervalHours: 12,
    });
    expect(settingsOf(acme())).toEqual({ ...kept, scanInterval: 12 });
  });

  it('a new connector gets the subscription defaults', async () => {
    const r = await runAction(t.onboard, {
      ...rotation,
      resourceGroup: undefined,
    });
    expect(r.error).toBeUndefined();
    expect(r.outputs).toMatchObject({
      operation: 'created',
      resourceGroup: RG,
      scanIntervalHours: 24,
      offerings: ['CspmMonitorDockerHub', 'DefenderForContainersDockerHub'],
    });
    expect(settingsOf(acme())).toEqual({
      location: 'westeurope',
      offerings: ['CspmMonitorDockerHub', 'DefenderForContainersDockerHub'],
      scanInterval: 24,
      tags: {},
    });
  });

  it('refuses to move an existing connector to another location, before writing', async () => {
    await onboard(configured);
    const before = t.writes().length;
    const r = await runAction(t.onboard, {
      ...rotation,
      location: 'westeurope',
    });
    expect(r.error).toBeInstanceOf(InputError);
    expect(r.error.message).toContain(
      'Azure cannot move a connector to another region',
    );
    expect(t.writes()).toHaveLength(before);
    expect(acme().location).toBe('northeurope');
  });
});
