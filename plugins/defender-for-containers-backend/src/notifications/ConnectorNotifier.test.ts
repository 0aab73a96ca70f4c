import { createServiceFactory } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  notificationService,
  type NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import type { ScenarioInput } from '@defender-backstage/azure-dockerhub-emulator';
import {
  ACME_TOKEN,
  PROD,
  TEAM_TOKEN,
  TOKENS,
  healthScenario,
  connectorListingForbidden,
} from '../__testUtils__/healthTestWorld';
import { useHealthEmulator } from '../__testUtils__/useHealthEmulator';
import { startHealthTestBackend } from '../__testUtils__/startHealthTestBackend';
import type { DefenderHealthService } from '../service/DefenderHealthService';

jest.setTimeout(60_000);

const resource = (org: string, owner?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: `defender-dockerhub-${org}`, namespace: 'default' },
  spec: { type: 'defender-connector', ...(owner ? { owner } : {}) },
});

/**
 * acme is owned by a group named bare (as spec.owner often is), initech by a user; team1 has no
 * owner; team2-4 have no entity.
 */
const ENTITIES = [
  resource('acme', 'team-acme'),
  resource('initech', 'user:default/billing-lead'),
  resource('team1'),
];

/** The scenario with some tokens revoked (their connectors turn unhealthy) and acme's web image given more Critical findings. */
function changedScenario(options: {
  revoke?: string[];
  acmeWebCritical?: number;
}): ScenarioInput {
  const s: ScenarioInput = JSON.parse(JSON.stringify(healthScenario));
  for (const token of s.dockerHub!.tokens!) {
    if (options.revoke?.includes(token.secret)) token.revoked = true;
  }
  if (options.acmeWebCritical !== undefined) {
    const acme = s.dockerHub!.orgs!.find(o => o.name === 'acme')!;
    const web = acme.repositories!.find(r => r.name === 'web')!;
    (web.tags![0] as any).findings.critical = options.acmeWebCritical;
  }
  return s;
}

describe('owner notifications of health transitions (refresher + emulator + database)', () => {
  const emulator = useHealthEmulator();
  let health: DefenderHealthService;
  let sent: NotificationSendOptions[];

  beforeEach(async () => {
    sent = [];
    ({ health } = await startHealthTestBackend({
      emulator,
      features: [
        catalogServiceMock.factory({ entities: ENTITIES }),
        // Our seam: what the notifications backend would be asked to deliver.
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({
            send: async (options: NotificationSendOptions) => {
              sent.push(options);
            },
          }),
        }),
      ],
    }));
    // The first read is the baseline the transitions below are measured from.
    await health.refreshAll();
  });

  it('tells nobody on the first read, though initech is unhealthy already and acme has Critical findings', () => {
    expect(sent).toEqual([]);
  });

  it('tells the owner once when a connector turns unhealthy, and nothing when the next refresh sees the same', async () => {
    emulator.emu.loadScenario(changedScenario({ revoke: [ACME_TOKEN] }));
    await health.refreshAll();

    expect(sent).toEqual([
      {
        recipients: { type: 'entity', entityRef: 'group:default/team-acme' },
        payload: {
          title: 'Defender connector for Docker Hub acme is unhealthy',
          description: expect.stringContaining(
            'Issues: Docker Hub access token was revoked.',
          ),
          link: '/catalog/default/resource/defender-dockerhub-acme',
          severity: 'high',
          topic: 'Defender for Containers',
          scope: expect.stringMatching(
            /^defender-for-containers:connector:[0-9a-f]{24}:unhealthy$/,
          ),
        },
      },
    ]);
    expect(sent[0].payload.description).toContain('(it was healthy)');
    for (const token of TOKENS) {
      expect(JSON.stringify(sent)).not.toContain(token);
    }

    await health.refreshAll();
    expect(sent).toHaveLength(1);
  });

  it('tells the owner once about new Critical findings', async () => {
    emulator.emu.loadScenario(changedScenario({ acmeWebCritical: 3 }));
    await health.refreshAll();

    expect(sent).toEqual([
      {
        recipients: { type: 'entity', entityRef: 'group:default/team-acme' },
        payload: expect.objectContaining({
          title: '2 new critical vulnerabilities in Docker Hub acme',
          severity: 'critical',
          link: '/catalog/default/resource/defender-dockerhub-acme',
          scope: expect.stringMatching(/:critical-findings$/),
        }),
      },
    ]);
    await health.refreshAll();
    expect(sent).toHaveLength(1);
  });

  it('still tells the owner when a failed refresh came between healthy and unhealthy', async () => {
    const failing = emulator.emu.injectFault(connectorListingForbidden(PROD));
    await health.refreshAll(); // PROD's connectors are stale now
    failing();
    emulator.emu.loadScenario(changedScenario({ revoke: [ACME_TOKEN] }));
    await health.refreshAll();
    expect(sent.map(s => s.payload.title)).toEqual([
      'Defender connector for Docker Hub acme is unhealthy',
    ]);
  });

  it('sends nothing when the connector has no catalog entity or its entity no owner', async () => {
    // team1 (entity without owner) and team2-4 (no entity) turn unhealthy
    emulator.emu.loadScenario(changedScenario({ revoke: [TEAM_TOKEN] }));
    const summary = await health.refreshAll();
    expect(
      summary.transitions
        .filter(t => t.to === 'unhealthy')
        .map(t => t.organization),
    ).toEqual(expect.arrayContaining(['team1', 'team2', 'team3', 'team4']));
    expect(sent).toEqual([]);
  });
});
