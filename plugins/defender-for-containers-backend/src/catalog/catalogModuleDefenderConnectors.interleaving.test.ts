import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices } from '@backstage/backend-test-utils';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import type { DefenderArmClient } from '@defender-backstage/plugin-defender-for-containers-node';
import {
  PROD,
  connectorIdOf,
  onboardHooli,
  worldWithoutHooli,
} from '../__testUtils__/healthTestWorld';
import { useHealthEmulator } from '../__testUtils__/useHealthEmulator';
import { startCatalogModule } from '../__testUtils__/startCatalogModule';
import { waitFor } from '../__testUtils__/waitFor';

jest.setTimeout(90_000);

const HOOLI = connectorIdOf(PROD, 'dockerhub-hooli');

// The scheduled full refresh of the connector entities is held between its listing (read from
// Azure, the emulator) and its mutation, while an onboarding announces a new connector: the
// catalog must end with the connector, not with the older listing applied last. Backstage's
// real scheduler (global tasks in the database), as on several replicas.
describe('connector entities when a refresh overlaps an onboarding', () => {
  const t = useHealthEmulator({ scenario: worldWithoutHooli });

  it('applies the listing read after the announcement last', async () => {
    let open!: () => void;
    let reached!: () => void;
    const gate = new Promise<void>(r => (open = r));
    const atGate = new Promise<void>(r => (reached = r));
    let listings = 0;
    const arm: DefenderArmClient = Object.create(t.arm);
    arm.listSecurityConnectors = async (...args) => {
      const listed = await t.arm.listSecurityConnectors(...args);
      if (++listings === 1) {
        reached();
        await gate;
      }
      return listed;
    };
    const events = DefaultEventsService.create({
      logger: mockServices.logger.mock(),
    });
    const { provider, stop } = await startCatalogModule({
      config: {
        azure: { subscriptions: [{ id: PROD }] },
        catalog: { defaultOwner: 'group:default/platform' },
      },
      arm,
      events,
      features: [schedulerServiceFactory],
    });
    const applyMutation = jest.fn();
    await provider!.connect({ applyMutation, refresh: jest.fn() });
    const names = (call: number) =>
      applyMutation.mock.calls[call][0].entities.map(
        (e: any) => e.entity.metadata.name,
      );

    // The scheduled run (5 s after start) has listed Azure and waits.
    await atGate;
    await onboardHooli(t.arm, HOOLI);
    const announced = events.publish({
      topic: 'defender-for-containers.connectors',
      eventPayload: { connectorId: HOOLI },
    });
    await new Promise(r => setTimeout(r, 500));
    open();
    await announced;

    await waitFor(
      () => expect(applyMutation.mock.calls.length).toBeGreaterThanOrEqual(2),
      30_000,
    );
    const last = applyMutation.mock.calls.length - 1;
    expect(names(last)).toContain('defender-dockerhub-hooli');
    // The held run applied its older listing first, not after.
    expect(names(0)).not.toContain('defender-dockerhub-hooli');
    await stop();
  });
});
