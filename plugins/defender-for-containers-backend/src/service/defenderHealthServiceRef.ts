import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  defenderArmClientServiceRef,
  optionalDefenderConfigServiceRef,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { EventsConnectorTransitionPublisher } from '../refresh/ConnectorTransition';
import { DatabaseDefenderHealthService } from './DatabaseDefenderHealthService';
import { UnconfiguredDefenderHealthService } from './UnconfiguredDefenderHealthService';
import type { DefenderHealthService } from './DefenderHealthService';
import { HealthRefresher } from '../refresh/HealthRefresher';
import { KnexHealthStore } from '../store/KnexHealthStore';
import { EntityHealthCache } from './EntityHealthCache';
import { clearOnWrite } from './clearOnWrite';
import { readHealthConfig } from './readHealthConfig';
import { SignalsConnectorRefreshAnnouncer } from './ConnectorRefreshAnnouncer';
import {
  CatalogConnectorReadScope,
  unscopedConnectorReads,
} from './ConnectorReadScope';
import { refreshOnConnectorChanges } from '../refresh/refreshOnConnectorChanges';

/**
 * Connector health of the Defender for Containers backend plugin: the routes, and later its AI
 * actions, use it. The default keeps snapshots in the plugin's database and announces status
 * changes on the events topic `defender-for-containers.health-transitions`; replace it with
 * `createServiceFactory` to wrap or fake it.
 * @public
 */
export const defenderHealthServiceRef = createServiceRef<DefenderHealthService>(
  {
    id: 'defender-for-containers.health',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          database: coreServices.database,
          logger: coreServices.logger,
          rootConfig: coreServices.rootConfig,
          catalog: catalogServiceRef,
          events: eventsServiceRef,
          signals: signalsServiceRef,
          arm: defenderArmClientServiceRef,
          optionalConfig: optionalDefenderConfigServiceRef,
        },
        async factory(deps) {
          const { optionalConfig, logger } = deps;
          if (!optionalConfig.configured) {
            logger.warn(optionalConfig.message);
            return new UnconfiguredDefenderHealthService(
              optionalConfig.message,
            );
          }
          const config = readHealthConfig(deps.rootConfig);
          const cache = new EntityHealthCache({
            ttlMs: config.cacheSeconds * 1000,
          });
          const store = clearOnWrite(
            await KnexHealthStore.create(deps.database),
            cache,
          );
          const subscriptions = optionalConfig.config.azure.subscriptions;
          const refresher = new HealthRefresher({
            arm: deps.arm,
            store,
            subscriptions,
            config,
            logger,
            publisher: new EventsConnectorTransitionPublisher(deps.events),
          });
          await refreshOnConnectorChanges({
            events: deps.events,
            refresher,
            subscriptions,
            logger,
          });
          return new DatabaseDefenderHealthService({
            store,
            refresher,
            catalog: deps.catalog,
            subscriptions,
            portal: optionalConfig.config.azure.portal,
            config,
            logger,
            cache,
            readScope:
              config.readScope === 'all'
                ? unscopedConnectorReads
                : new CatalogConnectorReadScope(deps.catalog),
            announcer: new SignalsConnectorRefreshAnnouncer(deps.signals),
          });
        },
      }),
  },
);
