import type { ScenarioInput } from '@defender-backstage/azure-dockerhub-emulator';
import {
  ADMIN,
  TENANT,
} from '@defender-backstage/plugin-defender-for-containers-node/testUtils';

export const BENCH_SUBSCRIPTION = '00000000-0000-0000-0000-0000000000b1';
export const BENCH_RG = 'rg-defender-connectors';
/** Fake; exists only in the emulator. */
const TOKEN = 'dckr_pat_benchReadOnlyToken0000000001';

export const benchOrg = (i: number) => `org${String(i).padStart(5, '0')}`;

/**
 * `count` Docker Hub connectors in one subscription, each on its own organization with one
 * private repository whose image has 1 Critical and 2 High findings; every tenth connector's
 * user is not a member of its organization, so it is unhealthy with an issue. ARM lists pages of
 * `pageSize` (the emulator's default, 50, unless given).
 */
export function benchScenario(count: number, pageSize?: number): ScenarioInput {
  const orgs = Array.from({ length: count }, (_, i) => benchOrg(i));
  return {
    azure: {
      tenantId: TENANT,
      healthDelaySeconds: 60,
      ...(pageSize ? { pageSize } : {}),
      principals: [
        {
          ...ADMIN,
          displayName: 'backstage',
          roles: { [BENCH_SUBSCRIPTION]: 'Security Admin' },
        },
      ],
      subscriptions: [
        {
          id: BENCH_SUBSCRIPTION,
          displayName: 'Bench',
          plans: { Containers: 'Standard', CloudPosture: 'Standard' },
          resourceGroups: [{ name: BENCH_RG, location: 'westeurope' }],
        },
      ],
      connectors: orgs.map(org => ({
        subscriptionId: BENCH_SUBSCRIPTION,
        resourceGroup: BENCH_RG,
        name: `dockerhub-${org}`,
        organization: org,
        username: 'mdc-bench',
        token: TOKEN,
        offerings: ['CspmMonitorDockerHub', 'DefenderForContainersDockerHub'],
      })),
    },
    dockerHub: {
      users: [{ username: 'mdc-bench', email: 'mdc-bench@bench.example' }],
      orgs: orgs.map((name, i) => ({
        name,
        members: i % 10 === 9 ? [] : [{ user: 'mdc-bench', role: 'editor' }],
        repositories: [
          {
            name: 'svc',
            tags: [
              {
                name: '1.0.0',
                findings: { critical: 1, high: 2, medium: 0, low: 0 },
              },
            ],
          },
        ],
      })),
      tokens: [{ secret: TOKEN, user: 'mdc-bench', scope: 'read' }],
    },
  };
}
