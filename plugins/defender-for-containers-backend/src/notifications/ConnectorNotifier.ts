import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { connectorEntityName } from '@defender-backstage/plugin-defender-for-containers-common';
import type { ConnectorTransition } from '../refresh/ConnectorTransition';
import { redactSecrets } from '../refresh/redactSecrets';
import { connectorNotifications } from './connectorNotifications';

/**
 * Tells the owner of a connector's catalog entity (the Resource `defender-dockerhub-<org>` that
 * the catalog module creates) when it turns unhealthy or gets new Critical findings, through
 * Backstage notifications. The owner is read from the catalog, not from Azure, so ownership
 * changed in Backstage is honoured. Best effort: no entity or no owner means no notification (a
 * debug line), and a failed send is a warning; neither affects the refresh.
 */
export class ConnectorNotifier {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  async notify(transitions: ConnectorTransition[]): Promise<void> {
    for (const t of transitions) {
      try {
        await this.notifyOne(t);
      } catch (e) {
        this.deps.logger.warn(
          `Could not notify the owner of the Defender connector of Docker Hub ${
            t.organization
          }: ${redactSecrets(e instanceof Error ? e.message : String(e))}`,
        );
      }
    }
  }

  private async notifyOne(t: ConnectorTransition) {
    const name = connectorEntityName(t.organization);
    const payloads = connectorNotifications(
      t,
      `/catalog/default/resource/${name}`,
    );
    if (payloads.length === 0) return;
    const { catalog, auth, notifications, logger } = this.deps;
    const entityRef = `resource:default/${name}`;
    const entity = await catalog.getEntityByRef(entityRef, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    const owner = entity?.spec?.owner;
    if (typeof owner !== 'string' || !owner.trim()) {
      logger.debug(
        `Not notifying about the Defender connector of Docker Hub ${
          t.organization
        }: ${
          entity
            ? `${entityRef} has no owner`
            : `no catalog entity ${entityRef}`
        }`,
      );
      return;
    }
    // As the catalog reads spec.owner: a bare name is a group in the entity's namespace.
    const recipient = stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity!.metadata.namespace ?? 'default',
      }),
    );
    for (const payload of payloads) {
      await notifications.send({
        recipients: { type: 'entity', entityRef: recipient },
        payload,
      });
    }
  }
}
