import { decodeDockerHubJwt } from './decodeDockerHubJwt';
import type {
  DockerHubCallOptions,
  DockerHubCredentials,
  DockerHubOrganization,
  DockerHubRepository,
  DockerHubSession,
  RegistryProbeResult,
} from './DockerHubClient';

/**
 * Secrets of a session, out of reach of `JSON.stringify`, `util.inspect` and property access:
 * only this module and the client that signed in read them.
 */
export const sessionSecrets = new WeakMap<
  object,
  { credentials: DockerHubCredentials; jwt: string }
>();

/** Docker's maximum page size; fewer round trips for big organizations. */
const PAGE_SIZE = 100;

/** What a session asks of the client that signed it in. */
export interface SessionTransport {
  listPages<T>(
    session: object,
    op: string,
    firstUrl: string,
    options?: DockerHubCallOptions,
  ): Promise<T[]>;
  registryProbe(
    session: object,
    repository: string,
    action: 'pull' | 'push',
    options?: DockerHubCallOptions,
  ): Promise<RegistryProbeResult>;
}

/** A signed-in Docker Hub session; its secrets live in `sessionSecrets`, not on the object. */
export class FetchDockerHubSession implements DockerHubSession {
  readonly claims;

  constructor(
    private readonly client: SessionTransport,
    private readonly apiUrl: string,
    credentials: DockerHubCredentials,
    jwt: string,
  ) {
    sessionSecrets.set(this, { credentials: { ...credentials }, jwt });
    this.claims = decodeDockerHubJwt(jwt);
  }

  toJSON() {
    return { claims: this.claims };
  }

  async listOrganizations(
    options?: DockerHubCallOptions,
  ): Promise<DockerHubOrganization[]> {
    const raw = await this.client.listPages<any>(
      this,
      'GET /v2/user/orgs',
      `${this.apiUrl}/v2/user/orgs?page=1&page_size=${PAGE_SIZE}`,
      options,
    );
    return raw
      .filter(o => typeof o?.orgname === 'string')
      .map(o => ({
        name: o.orgname,
        role: typeof o.user_role === 'string' ? o.user_role : undefined,
      }));
  }

  async listRepositories(
    namespace: string,
    options?: DockerHubCallOptions,
  ): Promise<DockerHubRepository[]> {
    const raw = await this.client.listPages<any>(
      this,
      `GET /v2/namespaces/${namespace}/repositories`,
      `${this.apiUrl}/v2/namespaces/${encodeURIComponent(
        namespace,
      )}/repositories?page_size=${PAGE_SIZE}`,
      options,
    );
    return raw
      .filter(r => typeof r?.name === 'string')
      .map(r => ({
        namespace: typeof r.namespace === 'string' ? r.namespace : namespace,
        name: r.name,
        isPrivate: r.is_private === true,
      }));
  }

  probeRegistryAccess(
    repository: string,
    action: 'pull' | 'push',
    options?: DockerHubCallOptions,
  ): Promise<RegistryProbeResult> {
    return this.client.registryProbe(this, repository, action, options);
  }
}
