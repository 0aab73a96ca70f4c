import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { AllowedSubscription } from '@defender-backstage/plugin-defender-for-containers-common';
import type { DefenderApi } from './DefenderApi';

/**
 * Calls the backend plugin through the app's fetch API, which adds the user's credentials.
 * @public
 */
export class DefenderClient implements DefenderApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  async listAllowedSubscriptions(): Promise<AllowedSubscription[]> {
    const body = await this.get<{ items: AllowedSubscription[] }>(
      '/azure/subscriptions',
    );
    return body.items;
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl(
      'defender-for-containers',
    );
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
