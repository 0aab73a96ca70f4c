import { InputError } from '@backstage/errors';
import { inspect } from 'node:util';
import {
  ACME_CONNECTOR_ID as CONNECTOR_ID,
  ACME_INPUT,
  RG,
  SUB,
  TOKENS,
} from '../__testUtils__/scenario';
import {
  BICEP_REFS,
  TERRAFORM_REFS,
  parseIac,
  resolveRefs,
} from '../__testUtils__/iacBodies';
import { sharedActionsEmulator } from '../__testUtils__/sharedActionsEmulator';
import { runAction } from '../__testUtils__/startActionsEmulator';

const base = {
  ...ACME_INPUT,
  location: 'westeurope',
  scanIntervalHours: 5,
  owner: 'group:default/platform-team',
  system: 'containers',
  tags: { 'cost-center': "4'2 ${x}" },
};

/** Everything a run showed: every log line with its metadata, the outputs and the error. */
const everything = (r: Awaited<ReturnType<typeof runAction>>) =>
  [
    ...r.logs.map(l => `${l.message} ${inspect(l.meta, { depth: 10 })}`),
    JSON.stringify(r.outputs),
    [...r.checkpoints.keys()].join('\n'),
    r.error ? `${r.error.message} ${r.error.stack}` : '',
  ].join('\n');

describe('defender:dockerhub:onboard as code', () => {
  const t = sharedActionsEmulator();
  const acme = () => t.connector(CONNECTOR_ID);
  const onboard = (patch: Record<string, unknown> = {}, options = {}) =>
    runAction(t.onboard, { ...base, ...patch }, options);

  it.each([
    ['a dry run', {}, { isDryRun: true }],
    ['mode code', { mode: 'code' }, {}],
  ])(
    '%s: the whole pre-flight, then code and no write; the emulator accepts the code as the PUT',
    async (_what, patch, options) => {
      const r = await onboard(patch, options);
      expect(r.error).toBeUndefined();
      expect(r.outputs).toMatchObject({
        operation: 'dry-run',
        connectorId: CONNECTOR_ID,
        scanIntervalHours: 5,
      });
      expect(r.outputs.checks).toHaveLength(14);
      expect(t.writes()).toEqual([]);
      expect(t.changed).toEqual([]);
      expect(r.checkpoints.size).toBe(0);
      expect(acme()).toBeUndefined();

      const printed = everything(r);
      expect(printed).toContain('Nothing was written to Azure');
      expect(printed).toContain(
        `az deployment group create --subscription ${SUB} --resource-group ${RG} --template-file dockerhub-acme.bicep`,
      );
      expect(printed).toContain('terraform init && terraform apply');
      for (const secret of [
        TOKENS.read,
        Buffer.from(`mdcuser:${TOKENS.read}`).toString('base64'),
      ]) {
        expect(printed).not.toContain(secret);
      }

      // Each language's body, its references given values, PUT through the real ARM client.
      const parsed = parseIac(r.outputs.iac);
      const bodies = [
        resolveRefs(parsed.bicepBody, {
          [BICEP_REFS.username]: 'mdcuser',
          [BICEP_REFS.accessToken]: TOKENS.read,
        }),
        resolveRefs(parsed.terraformBody, {
          [TERRAFORM_REFS.username]: 'mdcuser',
          [TERRAFORM_REFS.accessToken]: TOKENS.read,
        }),
      ];
      expect(bodies[0]).toEqual(bodies[1]);
      for (const body of bodies) {
        const put = await t.arm.putSecurityConnector(CONNECTOR_ID, body);
        expect(put.created).toBe(true);
        expect(acme()).toMatchObject({
          location: 'westeurope',
          tags: {
            'backstage-owner': 'group:default/platform-team',
            'backstage-system': 'containers',
            'cost-center': "4'2 ${x}",
          },
          properties: {
            hierarchyIdentifier: 'acme',
            environmentData: { scanInterval: 5 },
            offerings: [
              { offeringType: 'CspmMonitorDockerHub' },
              { offeringType: 'DefenderForContainersDockerHub' },
            ],
          },
          credential: { username: 'mdcuser' },
        });
        await t.arm.deleteSecurityConnector(CONNECTOR_ID);
      }
      expect(t.writes().map(w => `${w.method} ${w.status}`)).toEqual([
        'PUT 201',
        'DELETE 200',
        'PUT 201',
        'DELETE 200',
      ]);
    },
  );

  it.each([
    { defenderForContainers: false, defenderCspm: true },
    { defenderForContainers: true, defenderCspm: true },
    { defenderForContainers: false, defenderCspm: false },
  ])('the emulator accepts the code of plans %o', async plans => {
    const r = await onboard({ mode: 'code', plans });
    expect(r.error).toBeUndefined();
    const body = resolveRefs(parseIac(r.outputs.iac).terraformBody, {
      [TERRAFORM_REFS.username]: 'mdcuser',
      [TERRAFORM_REFS.accessToken]: TOKENS.read,
    });
    expect(body.properties.offerings).toEqual(
      r.outputs.offerings.map((offeringType: string) => ({ offeringType })),
    );
    expect((await t.arm.putSecurityConnector(CONNECTOR_ID, body)).created).toBe(
      true,
    );
  });

  it('mode code for an existing connector: its kept settings, and Terraform adopts it', async () => {
    expect((await onboard()).outputs.operation).toBe('created');
    const before = t.emu.state().requestLog.length;
    // A rotation states no settings: the code keeps the connector's.
    const r = await runAction(t.onboard, {
      ...ACME_INPUT,
      accessToken: TOKENS.read2,
      mode: 'code',
    });
    expect(r.error).toBeUndefined();
    const log = t.emu.state().requestLog.slice(before);
    expect(log.filter(e => e.method !== 'GET' && e.method !== 'POST')).toEqual(
      [],
    );
    const parsed = parseIac(r.outputs.iac);
    expect(parsed.bicepBody.properties.environmentData.scanInterval).toBe(5);
    expect(parsed.bicepBody.tags['cost-center']).toBe("4'2 ${x}");
    expect(parsed.blocks('import')[0].body.attributes.id).toBe(CONNECTOR_ID);
    expect(everything(r)).toContain('exists already');
    expect(everything(r)).not.toContain(TOKENS.read2);
  });

  it('mode code still stops on a failed check, with no code', async () => {
    const r = await onboard({ mode: 'code', accessToken: TOKENS.publicRead });
    expect(r.error).toBeInstanceOf(InputError);
    expect(r.outputs.iac).toBeUndefined();
    expect(t.writes()).toEqual([]);
  });

  it('refuses an unknown mode before any call, and writes nothing', async () => {
    const before = t.emu.state().requestLog.length;
    const r = await onboard({ mode: 'terraform' });
    expect(r.error).toBeInstanceOf(InputError);
    expect(r.error.message).toContain("mode 'terraform' is not valid");
    expect(t.emu.state().requestLog.length).toBe(before);
  });

  it('mode apply (the default) writes and outputs no code', async () => {
    const r = await onboard({ mode: 'apply' });
    expect(r.outputs.operation).toBe('created');
    expect(r.outputs.iac).toBeUndefined();
    expect(t.changed).toEqual([CONNECTOR_ID]);
  });
});
