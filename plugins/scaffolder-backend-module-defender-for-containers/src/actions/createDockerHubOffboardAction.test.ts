import { InputError, NotFoundError } from '@backstage/errors';
import { RG, SUB, SUB_B, TOKENS, scenario } from '../__testUtils__/scenario';
import { sharedActionsEmulator } from '../__testUtils__/sharedActionsEmulator';
import { runAction } from '../__testUtils__/startActionsEmulator';

const ACME_ID = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Security/securityConnectors/dockerhub-acme`;

describe('defender:dockerhub:offboard against the emulator', () => {
  const t = sharedActionsEmulator();
  beforeEach(async () => {
    const onboarded = await runAction(t.onboard, {
      organization: 'acme',
      username: 'mdcuser',
      accessToken: TOKENS.read,
      subscriptionId: SUB,
    });
    if (onboarded.error) throw onboarded.error;
    t.changed.length = 0;
  });
  const ids = () =>
    t.emu
      .state()
      .connectors.map((c: any) => c.name)
      .sort();
  const deletes = () =>
    t.emu.state().requestLog.filter(e => e.method === 'DELETE');

  it('requires the organization typed as confirmation, before any remote call', async () => {
    const before = t.emu.state().requestLog.length;
    const r = await runAction(t.offboard, {
      organization: 'acme',
      confirmation: 'acme-typo',
    });
    expect(r.error).toBeInstanceOf(InputError);
    expect(r.error.message).toContain(
      "type the organization name 'acme' in confirmation",
    );
    expect(t.emu.state().requestLog).toHaveLength(before);
  });

  it('finds the connector by organization, says what stops, deletes it and outputs what was removed', async () => {
    const r = await runAction(t.offboard, {
      organization: 'acme',
      confirmation: 'acme',
    });
    expect(r.error).toBeUndefined();
    expect(r.outputs).toMatchObject({
      removed: true,
      connectorId: ACME_ID,
      connectorName: 'dockerhub-acme',
      subscriptionId: SUB,
      resourceGroup: RG,
      organization: 'acme',
      entityRef: 'resource:default/defender-dockerhub-acme',
    });
    expect(r.outputs.stopped.join(' ')).toMatch(/scanning.*findings/s);
    expect(
      r.logs.some(l => l.level === 'warn' && l.message.includes('stops')),
    ).toBe(true);
    expect(ids()).toEqual(['dockerhub-globex', 'shared']);
  });

  it('deleting a connector that is already gone is not an error', async () => {
    await runAction(t.offboard, { organization: 'acme', confirmation: 'acme' });
    const byOrg = await runAction(t.offboard, {
      organization: 'acme',
      confirmation: 'acme',
    });
    expect(byOrg.error).toBeUndefined();
    expect(byOrg.outputs).toMatchObject({ removed: false, stopped: [] });
    const byId = await runAction(t.offboard, {
      organization: 'acme',
      confirmation: 'acme',
      connectorId: ACME_ID,
    });
    expect(byId.error).toBeUndefined();
    expect(byId.outputs.removed).toBe(false);
  });

  it('a connector id in a resource group that does not exist is an error with advice, not "already gone"', async () => {
    const r = await runAction(t.offboard, {
      organization: 'acme',
      confirmation: 'acme',
      connectorId: ACME_ID.replace(
        `/resourceGroups/${RG}/`,
        '/resourceGroups/rg-typo/',
      ),
    });
    expect(r.error).toBeInstanceOf(NotFoundError);
    expect(r.error.message).toContain('404 ResourceGroupNotFound');
    expect(r.error.message).toContain('x-ms-request-id');
    expect(r.error.message).toContain(
      'check subscriptionId, resourceGroup and connectorId',
    );
    expect(r.outputs.removed).toBeUndefined();
    expect(deletes()).toEqual([]);
  });

  it('a DELETE answered 404 ResourceGroupNotFound is an error, not "already gone"', async () => {
    // The resource group disappears between the lookup and the DELETE.
    const withoutGroup = scenario();
    withoutGroup.azure!.subscriptions![0].resourceGroups = [
      { name: 'rg-other', location: 'westeurope' },
    ];
    withoutGroup.azure!.connectors = withoutGroup.azure!.connectors!.filter(
      c => c.subscriptionId !== SUB,
    );
    const del = t.arm.deleteSecurityConnector.bind(t.arm);
    const spy = jest
      .spyOn(t.arm, 'deleteSecurityConnector')
      .mockImplementationOnce(async (...args) => {
        t.emu.loadScenario(withoutGroup);
        return del(...args);
      });
    try {
      const r = await runAction(t.offboard, {
        organization: 'acme',
        confirmation: 'acme',
      });
      expect(r.error).toBeInstanceOf(NotFoundError);
      expect(r.error.message).toContain(
        'Deleting dockerhub-acme failed; nothing else was changed. Azure DELETE securityConnectors/dockerhub-acme failed: 404 ResourceGroupNotFound',
      );
      expect(r.outputs.removed).toBeUndefined();
      expect(t.changed).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it('dry run deletes nothing', async () => {
    const r = await runAction(
      t.offboard,
      { organization: 'acme', confirmation: 'acme' },
      { isDryRun: true },
    );
    expect(r.error).toBeUndefined();
    expect(r.outputs).toMatchObject({ removed: false, connectorId: ACME_ID });
    expect(deletes()).toEqual([]);
    expect(ids()).toContain('dockerhub-acme');
  });

  it("refuses to delete a connector that is not the organization's Docker Hub connector", async () => {
    const r = await runAction(t.offboard, {
      organization: 'acme',
      confirmation: 'acme',
      subscriptionId: SUB,
      connectorName: 'shared',
    });
    expect(r.error).toBeInstanceOf(InputError);
    expect(r.error.message).toContain("for 'umbrella'); refusing to delete it");
    expect(deletes()).toEqual([]);
  });

  it('offboards a connector in another allowed subscription by id', async () => {
    const id = `/subscriptions/${SUB_B}/resourceGroups/${RG}/providers/Microsoft.Security/securityConnectors/dockerhub-globex`;
    const r = await runAction(t.offboard, {
      organization: 'globex',
      confirmation: 'globex',
      connectorId: id,
    });
    expect(r.outputs).toMatchObject({ removed: true, connectorId: id });
  });

  it('announces the deleted connector so its catalog entity goes away', async () => {
    const r = await runAction(t.offboard, {
      organization: 'acme',
      confirmation: 'acme',
    });
    expect(r.error).toBeUndefined();
    expect(t.changed.map(id => id.toLowerCase())).toEqual([
      ACME_ID.toLowerCase(),
    ]);
  });
});
