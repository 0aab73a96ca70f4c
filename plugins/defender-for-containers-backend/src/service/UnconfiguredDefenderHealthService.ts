import { ServiceUnavailableError } from '@backstage/errors';
import type {
  ConnectorListResponse,
  ConnectorOwnersResponse,
  EntityDefenderResponse,
  EntityFindingsResponse,
  EntityRollupResponse,
  OwnerRollupResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { RefreshSummary } from '../refresh/RefreshSummary';
import type {
  ConnectorRefreshRequest,
  DefenderHealthService,
} from './DefenderHealthService';

/** Every answer names the config to set, until `defenderForContainers` is configured. */
export class UnconfiguredDefenderHealthService
  implements DefenderHealthService
{
  constructor(private readonly message: string) {}
  private fail(): never {
    throw new ServiceUnavailableError(this.message);
  }
  async getEntityHealth(): Promise<EntityDefenderResponse> {
    return this.fail();
  }
  async listConnectors(): Promise<ConnectorListResponse> {
    return this.fail();
  }
  async listConnectorOwners(): Promise<ConnectorOwnersResponse> {
    return this.fail();
  }
  async getEntityFindings(): Promise<EntityFindingsResponse> {
    return this.fail();
  }
  async getEntityRollup(): Promise<EntityRollupResponse> {
    return this.fail();
  }
  async getOwnerRollup(): Promise<OwnerRollupResponse> {
    return this.fail();
  }
  async requestConnectorRefresh(): Promise<ConnectorRefreshRequest> {
    return this.fail();
  }
  async refreshAll(): Promise<RefreshSummary> {
    return this.fail();
  }
}
