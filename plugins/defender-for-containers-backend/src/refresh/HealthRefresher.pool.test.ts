import type { DefenderArmClient } from '@defender-backstage/plugin-defender-for-containers-node';
import { testRefresher } from '../__testUtils__/testRefresher';
import type { HealthStore } from '../store/HealthStore';

const subscriptionId = (i: number) =>
  `00000000-0000-0000-0000-0000000000${String(i).padStart(2, '0')}`;
const SUBSCRIPTIONS = Array.from({ length: 6 }, (_, i) => ({
  id: subscriptionId(i + 1),
  displayName: `S${i + 1}`,
  resourceGroups: [],
  defaults: {},
}));

/** Subscriptions without connectors, each listing held until the test lets it go. */
function emptySubscriptions() {
  const started: string[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const release: Array<() => void> = [];
  const arm = {
    listSecurityConnectors: async (id: string) => {
      started.push(id);
      mostAtOnce = Math.max(mostAtOnce, ++running);
      await new Promise<void>(r => release.push(r));
      running--;
      return [];
    },
    listSubscriptionHealthReports: async () => [],
    getPricing: async () => ({}),
    queryResourceGraph: async () => ({ rows: [], truncated: false }),
  } as unknown as DefenderArmClient;
  const store = {
    replaceSubscription: async () => ({ previous: [], applied: [] }),
    pruneHistory: async () => 0,
  } as unknown as HealthStore;
  const refresher = testRefresher({
    emulator: { arm, config: { azure: { subscriptions: SUBSCRIPTIONS } } },
    store,
  });
  /** Lets every listing started so far finish, once as many as `count` have started. */
  const releaseWhenStarted = async (count: number) => {
    while (started.length < count) await new Promise(r => setImmediate(r));
    release.splice(0).forEach(r => r());
  };
  return {
    refresher,
    started,
    releaseWhenStarted,
    mostAtOnce: () => mostAtOnce,
  };
}

describe('HealthRefresher.refreshAll, the pool of subscriptions', () => {
  it('reads every subscription, at most four at a time', async () => {
    const world = emptySubscriptions();
    const run = world.refresher.refreshAll();
    await world.releaseWhenStarted(4);
    await world.releaseWhenStarted(6);
    const summary = await run;
    expect(world.mostAtOnce()).toBe(4);
    expect(summary.subscriptions.map(s => [s.subscriptionId, s.ok])).toEqual(
      SUBSCRIPTIONS.map(s => [s.id, true]),
    );
  });

  it('starts no further subscription once its signal is aborted', async () => {
    const world = emptySubscriptions();
    const timeout = new AbortController();
    const run = world.refresher.refreshAll(timeout.signal);
    while (world.started.length < 4) await new Promise(r => setImmediate(r));
    timeout.abort();
    await world.releaseWhenStarted(4);
    const summary = await run;
    expect(world.started).toHaveLength(4);
    expect(summary.subscriptions.map(s => s.error)).toEqual(
      Array(4).fill('stopped at the timeout'),
    );
  });
});
