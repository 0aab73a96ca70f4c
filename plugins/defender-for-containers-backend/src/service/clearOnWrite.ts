import type { EntityHealthCache } from './EntityHealthCache';
import type { HealthStore } from '../store/HealthStore';

/**
 * `store`, clearing `cache` after every write, whether it succeeded or not (a failed
 * transaction may still have changed what a later read sees on some databases). Reads pass
 * through untouched.
 */
export function clearOnWrite(
  store: HealthStore,
  cache: EntityHealthCache,
): HealthStore {
  const write =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn.apply(store, args);
      } finally {
        cache.clear();
      }
    };
  return {
    replaceSubscription: write(store.replaceSubscription),
    upsertConnector: write(store.upsertConnector),
    removeConnector: write(store.removeConnector),
    markSubscriptionFailed: write(store.markSubscriptionFailed),
    markConnectorFailed: write(store.markConnectorFailed),
    pruneHistory: write(store.pruneHistory),
    // Takes a refresh slot only; nothing the card shows changes.
    claimRefresh: (...args) => store.claimRefresh(...args),
    getConnectors: (...args) => store.getConnectors(...args),
    listConnectors: (...args) => store.listConnectors(...args),
    listOwners: (...args) => store.listOwners(...args),
    getTrend: (...args) => store.getTrend(...args),
    listFindings: (...args) => store.listFindings(...args),
    getSubscriptionStates: () => store.getSubscriptionStates(),
  };
}
