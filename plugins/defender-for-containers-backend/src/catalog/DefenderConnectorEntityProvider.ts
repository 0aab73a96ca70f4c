import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type { AzurePortal } from '@defender-backstage/plugin-defender-for-containers-common';
import {
  CONNECTOR_PROVIDER_NAME,
  connectorOwner,
  connectorToEntity,
  type ConnectorRecord,
} from './connectorToEntity';

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
  static readonly providerName = CONNECTOR_PROVIDER_NAME;
  private connection?: EntityProviderConnection;
  /** Connectors already warned about as ownerless: once per process, not every refresh. */
  private readonly warnedOwnerless = new Set<string>();

  constructor(
    private readonly options: {
      listConnectors: () => Promise<ConnectorListing>;
      /**
       * Owner of connectors without a valid `backstage-owner` tag. Unset, such connectors are
       * left out of the catalog (a Resource needs an owner) with a warning, rather than handed to
       * a group that happens to exist.
       */
      defaultOwner?: string;
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
    const entities = connectors.flatMap(connector => {
      const owner = connectorOwner(connector, this.options.defaultOwner);
      if (!owner) {
        this.warnOwnerless(connector);
        return [];
      }
      return [
        {
          entity: connectorToEntity(connector, {
            owner,
            portal: this.options.portal,
            providerName: DefenderConnectorEntityProvider.providerName,
          }),
          locationKey: DefenderConnectorEntityProvider.providerName,
        },
      ];
    });
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
      `Mirrored ${entities.length} Docker Hub connector(s) into the catalog`,
    );
  }

  private warnOwnerless(connector: ConnectorRecord) {
    if (this.warnedOwnerless.has(connector.id)) return;
    this.warnedOwnerless.add(connector.id);
    this.options.logger.warn(
      `The Defender connector of Docker Hub ${connector.organization} (${connector.id}) has no valid 'backstage-owner' tag and defenderForContainers.catalog.defaultOwner is not set, so it is not in the catalog and its owner is not notified. Tag the connector in Azure with backstage-owner: <entity ref of the owning group>, or set defenderForContainers.catalog.defaultOwner.`,
    );
  }
}
