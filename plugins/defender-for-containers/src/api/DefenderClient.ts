import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  AllowedSubscription,
  ConnectorListResponse,
  ConnectorOwnersResponse,
  ConnectorRefreshAccepted,
  EntityDefenderResponse,
  EntityFindingsResponse,
  EntityRollupResponse,
  OwnerRollupResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type {
  ConnectorListRequest,
  DefenderApi,
  EntityFindingsRequest,
} from './DefenderApi';

const PLUGIN_ID = 'defender-for-containers';

function entityPath({ kind, namespace, name }: CompoundEntityRef): string {
  return `/entities/${[kind, namespace, name]
    .map(encodeURIComponent)
    .join('/')}`;
}

/** Only set parameters: the backend refuses unknown and empty ones (400). */
function queryString(params: Record<string, unknown>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const qs = query.toString();
  return qs ? `?${qs}` : '';
}

/**
 * Calls the backend plugin through the app's fetch API, which adds the user's Backstage token:
 * no Azure or Docker Hub credential is ever sent to, or read by, the browser.
 * @public
 */
export class DefenderClient implements DefenderApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  async listAllowedSubscriptions(): Promise<AllowedSubscription[]> {
    const body = await this.request<{ items: AllowedSubscription[] }>(
      '/azure/subscriptions',
    );
    return body.items;
  }

  getEntityDefender(
    entityRef: CompoundEntityRef,
  ): Promise<EntityDefenderResponse> {
    return this.request(`${entityPath(entityRef)}/defender`);
  }

  getEntityFindings(
    entityRef: CompoundEntityRef,
    request: EntityFindingsRequest = {},
  ): Promise<EntityFindingsResponse> {
    const { severity, ...rest } = request;
    return this.request(
      `${entityPath(entityRef)}/defender/findings${queryString({
        ...rest,
        severity: severity?.length ? severity.join(',') : undefined,
      })}`,
    );
  }

  getEntityRollup(
    entityRef: CompoundEntityRef,
    options: { children?: boolean } = {},
  ): Promise<EntityRollupResponse> {
    return this.request(
      `${entityPath(entityRef)}/defender/rollup${queryString({
        children: options.children ? true : undefined,
      })}`,
    );
  }

  getOwnerRollup(): Promise<OwnerRollupResponse> {
    return this.request('/connectors/rollup');
  }

  listConnectors(
    request: ConnectorListRequest = {},
  ): Promise<ConnectorListResponse> {
    return this.request(`/connectors${queryString({ ...request })}`);
  }

  async listConnectorOwners(): Promise<string[]> {
    const { items } = await this.request<ConnectorOwnersResponse>(
      '/connectors/owners',
    );
    return items;
  }

  refreshConnector(connectorId: string): Promise<ConnectorRefreshAccepted> {
    return this.request(
      `/connectors/${encodeURIComponent(connectorId)}/refresh`,
      { method: 'POST' },
    );
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl(PLUGIN_ID);
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      // Carries the status and the backend's `{ error: { name, message } }`, so the UI can tell
      // 403 from 503 and show the backend's words instead of a stack.
      throw await ResponseError.fromResponse(response);
    }
    const body = await response.json().catch(() => undefined);
    if (body === undefined || body === null || typeof body !== 'object') {
      // An answer that is not ours (a proxy's HTML page with status 200): fail loudly here
      // rather than hand `undefined` to a component.
      throw new Error(
        `The Defender for Containers backend answered ${path} with something that is not JSON`,
      );
    }
    return body as T;
  }
}
