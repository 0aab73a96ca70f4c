import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { JsonObject } from '@backstage/types';
import type { HealthRefresher } from '../refresh/HealthRefresher';
import { unscopedConnectorReads } from '../service/ConnectorReadScope';
import { DatabaseDefenderHealthService } from '../service/DatabaseDefenderHealthService';
import type { EntityHealthCache } from '../service/EntityHealthCache';
import { readHealthConfig } from '../service/readHealthConfig';
import type { HealthStore } from '../store/HealthStore';

/**
 * The service on `store` without Azure: its refresher is a tripwire (reading must never
 * refresh), and every caller may see every connector (`readScope: all`).
 */
export function testHealthService(options: {
  store: HealthStore;
  catalog: CatalogService;
  /** The allowed subscriptions, without resource groups or defaults. */
  subscriptions: Array<{ id: string; displayName: string }>;
  /** `defenderForContainers.health`, as in app-config. */
  health?: JsonObject;
  cache?: EntityHealthCache;
  now?: () => Date;
}): DatabaseDefenderHealthService {
  return new DatabaseDefenderHealthService({
    readScope: unscopedConnectorReads,
    store: options.store,
    refresher: {} as HealthRefresher,
    catalog: options.catalog,
    subscriptions: options.subscriptions.map(s => ({
      ...s,
      resourceGroups: [],
      defaults: {},
    })),
    config: readHealthConfig(
      new ConfigReader({
        defenderForContainers: { health: options.health ?? {} },
      }),
    ),
    logger: mockServices.logger.mock(),
    cache: options.cache,
    now: options.now,
  });
}
