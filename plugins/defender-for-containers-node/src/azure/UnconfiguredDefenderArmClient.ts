import { ServiceUnavailableError } from '@backstage/errors';
import type {
  ArmRequestPreview,
  DefenderArmClient,
  DefenderPricing,
  HealthReport,
  ResourceGraphResult,
  SecurityConnector,
} from './DefenderArmClient';

/**
 * The ARM client when `defenderForContainers` is not configured: the backend still starts, and
 * every call fails with a 503 naming the config keys to set.
 * @public
 */
export class UnconfiguredDefenderArmClient implements DefenderArmClient {
  constructor(private readonly message: string) {}

  private fail(): never {
    throw new ServiceUnavailableError(this.message);
  }

  async verifyCredential(): Promise<void> {
    this.fail();
  }
  async getProviderRegistrationState(): Promise<string> {
    return this.fail();
  }
  async getPricing(): Promise<DefenderPricing> {
    return this.fail();
  }
  async getResourceGroupPermissions(): Promise<never[]> {
    return this.fail();
  }
  async listSecurityConnectors(): Promise<SecurityConnector[]> {
    return this.fail();
  }
  async getSecurityConnector(): Promise<SecurityConnector | undefined> {
    return this.fail();
  }
  async putSecurityConnector(): Promise<{
    created: boolean;
    connector: SecurityConnector;
  }> {
    return this.fail();
  }
  async deleteSecurityConnector(): Promise<{ deleted: boolean }> {
    return this.fail();
  }
  async listHealthReports(): Promise<HealthReport[]> {
    return this.fail();
  }
  async listSubscriptionHealthReports(): Promise<HealthReport[]> {
    return this.fail();
  }
  async queryResourceGraph<T>(): Promise<ResourceGraphResult<T>> {
    return this.fail();
  }
  previewPutSecurityConnector(): ArmRequestPreview {
    return this.fail();
  }
}
