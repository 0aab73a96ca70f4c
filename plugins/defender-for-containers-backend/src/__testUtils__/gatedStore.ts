import type { HealthStore } from '../store/HealthStore';

/**
 * A store whose subscription writes wait at a gate: the refresh using it has read Azure and
 * holds its data until the test opens the gate, so another refresh can complete in between.
 */
export function gated(store: HealthStore, subscriptionId: string) {
  let open!: () => void;
  let reached!: () => void;
  const gate = new Promise<void>(r => (open = r));
  const atGate = new Promise<void>(r => (reached = r));
  const wrapped: HealthStore = Object.create(store);
  wrapped.replaceSubscription = async (sub, snapshots, at) => {
    if (sub.toLowerCase() === subscriptionId.toLowerCase()) {
      reached();
      await gate;
    }
    return store.replaceSubscription(sub, snapshots, at);
  };
  return { store: wrapped, atGate, open: () => open() };
}
