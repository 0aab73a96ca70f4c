import type { PermissionsService } from '@backstage/backend-plugin-api';
import type {
  AllowedSubscription,
  AzurePortal,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type {
  DefenderArmClient,
  DockerHubClient,
} from '@defender-backstage/plugin-defender-for-containers-node';

/**
 * What the `defender:dockerhub:*` actions need: the shared clients and the allowed subscriptions
 * (from `defenderForContainers.azure.subscriptions`, read once by the module).
 * @public
 */
export interface DefenderActionsOptions {
  arm: DefenderArmClient;
  dockerHub: DockerHubClient;
  subscriptions: AllowedSubscription[];
  /**
   * `defenderForContainers.dockerHub.allowUnprovenReadOnly` (default false): pass, with one
   * warning line in the task log, a Docker Hub credential the pre-flight cannot prove read-only,
   * instead of refusing it.
   */
  allowUnprovenReadOnly?: boolean;
  /** Where the `portalUrl` output opens (portal and tenant); default: the public portal. */
  azurePortal?: AzurePortal;
  /**
   * Asked before any remote call whether the task's initiator holds the action's
   * `defender-for-containers.connector.*` permission. Required: the actions use the backend's own
   * Azure and Docker Hub credentials, so an action without this guard would let anyone who can
   * run a template write connectors.
   */
  permissions: PermissionsService;
  /**
   * Subjects of the service principals whose tasks may create and delete connectors
   * (`defenderForContainers.permissions.servicePrincipals`). Backstage allows service
   * principals without asking the permission policy, so a task started by any other service
   * principal is refused. Default: none.
   */
  servicePrincipals?: readonly string[];
  /**
   * Called after a connector was written or deleted, e.g. to refresh its catalog entity at once.
   * Best effort: a failure is logged as a warning and does not fail the task.
   */
  onConnectorChanged?: (connectorId: string) => Promise<void>;
}
