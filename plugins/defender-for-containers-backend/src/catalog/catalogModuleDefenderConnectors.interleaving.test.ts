import { createServiceFactory } from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  type EntityProvider,
} from '@backstage/plugin-catalog-node';
import {
  DefaultEventsService,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import {
  buildDockerHubConnectorBody,
  defenderArmClientServiceRef,
  type DefenderArmClient,
} from '@defender-backstage/plugin-defender-for-containers-node';
import {
  startDefenderTestEmulator,
  type DefenderTestEmulator,
} from '@defender-backstage/plugin-defender-for-containers-node/testUtils';
import {
  PROD,
  TEAM_TOKEN,
  connectorIdOf,
  healthScenario,
} from '../__testUtils__/healthTestWorld';
import { waitFor } from '../__testUtils__/waitFor';
import { catalogModuleDefenderConnectors } from './catalogModuleDefenderConnectors';

jest.setTimeout(90_000);

const HOOLI = connectorIdOf(PROD, 'dockerhub-hooli');

// The scheduled full refresh of the connector entities is held between its listing (read from
// Azure, the emulator) and its mutation, while an onboarding announces a new connector: the
// catalog must end with the connector, not with the older listing applied last. Backstage's
// real scheduler (global tasks in the database), as on several replicas.
describe('connector entities when a refresh overlaps an onboarding', () => {
  let t: DefenderTestEmulator;
  beforeAll(async () => {
    t = await startDefenderTestEmulator({
      // hooli, not yet onboarded anywhere.
      scenario: {
        ...healthScenario,
        azure: {
          ...healthScenario.azure,
          connectors: healthScenario.azure!.connectors!.filter(
            c => c.organization !== 'hooli',
          ),
        },
      },
      subscriptions: [{ id: PROD, displayName: 'Production' }],
    });
  });
  afterAll(() => t.emu.stop());

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
    let provider: EntityProvider | undefined;
    const events = DefaultEventsService.create({
      logger: mockServices.logger.mock(),
    });
    const backend = await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          { addEntityProvider: (p: EntityProvider) => (provider = p) },
        ],
      ],
      features: [
        catalogModuleDefenderConnectors,
        schedulerServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            defenderForContainers: {
              azure: { subscriptions: [{ id: PROD }] },
              catalog: { defaultOwner: 'group:default/platform' },
            },
          },
        }),
        createServiceFactory({
          service: eventsServiceRef,
          deps: {},
          factory: () => events,
        }),
        createServiceFactory({
          service: defenderArmClientServiceRef,
          deps: {},
          factory: () => arm,
        }),
      ],
    });
    const applyMutation = jest.fn();
    await provider!.connect({ applyMutation, refresh: jest.fn() });
    const names = (call: number) =>
      applyMutation.mock.calls[call][0].entities.map(
        (e: any) => e.entity.metadata.name,
      );

    // The scheduled run (5 s after start) has listed Azure and waits.
    await atGate;
    await t.arm.putSecurityConnector(
      HOOLI,
      buildDockerHubConnectorBody({
        organization: 'hooli',
        username: 'mdc-team',
        accessToken: TEAM_TOKEN,
        location: 'westeurope',
        scanIntervalHours: 24,
        plans: { defenderForContainers: true, defenderCspm: false },
      }),
    );
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
    await backend.stop();
  });
});
