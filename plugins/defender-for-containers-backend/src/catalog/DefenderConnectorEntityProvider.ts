import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type { AzurePortal } from '@defender-backstage/plugin-defender-for-containers-common';
import { connectorToEntity, type ConnectorRecord } from './connectorToEntity';

/** One listing pass over the allowed subscriptions. */
export interface ConnectorListing {
  connectors: ConnectorRecord[];
  /** Subscriptions whose listing failed; their connectors are unknown, not gone. */
  failedSubscriptions: string[];
}

/**
 * Mirrors the Docker Hub security connectors of the allowed subscriptions as catalog Resource
 * entities, so onboarding can link to one and entities can depend on it.
 */
export class DefenderConnectorEntityProvider implements EntityProvider {
  static readonly providerName = 'defender-for-containers-connectors';
  private connection?: EntityProviderConnection;

  constructor(
    private readonly options: {
      listConnectors: () => Promise<ConnectorListing>;
      defaultOwner: string;
      /** Where the entity's "Open in the Azure portal" link opens. */
      portal?: AzurePortal;
      logger: LoggerService;
    },
  ) {}

  getProviderName(): string {
    return DefenderConnectorEntityProvider.providerName;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
  }

  async refresh(): Promise<void> {
    if (!this.connection) {
      throw new Error(
        'DefenderConnectorEntityProvider is not connected to the catalog yet',
      );
    }
    const { connectors, failedSubscriptions } =
      await this.options.listConnectors();
    const entities = connectors.map(connector => ({
      entity: connectorToEntity(connector, {
        defaultOwner: this.options.defaultOwner,
        portal: this.options.portal,
        providerName: DefenderConnectorEntityProvider.providerName,
      }),
      locationKey: DefenderConnectorEntityProvider.providerName,
    }));
    if (failedSubscriptions.length > 0) {
      // A full mutation would delete the entities of the subscriptions we could not read.
      await this.connection.applyMutation({
        type: 'delta',
        added: entities,
        removed: [],
      });
      this.options.logger.warn(
        `Listed ${
          connectors.length
        } Docker Hub connectors; kept the existing entities of ${
          failedSubscriptions.length
        } subscription(s) that could not be listed: ${failedSubscriptions.join(
          ', ',
        )}`,
      );
      return;
    }
    await this.connection.applyMutation({ type: 'full', entities });
    this.options.logger.info(
      `Mirrored ${connectors.length} Docker Hub connector(s) into the catalog`,
    );
  }
}
