import type { DockerHubTokenClaims } from './decodeDockerHubJwt';

/**
 * A Docker Hub user and its access token (or password). Only ever sent to Docker.
 * @public
 */
export interface DockerHubCredentials {
  username: string;
  secret: string;
}

/** @public */
export interface DockerHubOrganization {
  name: string;
  /** The signed-in user's role: `owner`, `editor`, `member` (as Docker spells it). */
  role?: string;
}

/** @public */
export interface DockerHubRepository {
  namespace: string;
  name: string;
  isPrivate: boolean;
}

/**
 * What the registry token service granted for one repository and action.
 * - `granted`: a token came back; `actions` lists what it allows.
 * - `insufficientScope`: 401 "access token has insufficient scopes" (read-only token asked for push).
 * - `unauthorized`: other 401 (bad user/token).
 * @public
 */
export type RegistryProbeResult =
  | { outcome: 'granted'; actions: string[] }
  | { outcome: 'insufficientScope'; detail?: string }
  | { outcome: 'unauthorized'; detail?: string };

/** @public */
export interface DockerHubCallOptions {
  signal?: AbortSignal;
}

/**
 * A signed-in Docker Hub session. It holds the Hub JWT and the secret privately (to re-sign-in
 * once on 401); neither is reachable through its properties.
 * @public
 */
export interface DockerHubSession {
  /** Claims of the Hub JWT: scope and user name of the token. */
  readonly claims: DockerHubTokenClaims;
  /** Organizations of the signed-in user (`GET /v2/user/orgs`, every page). */
  listOrganizations(
    options?: DockerHubCallOptions,
  ): Promise<DockerHubOrganization[]>;
  /** Repositories of a namespace visible to the user (every page, authenticated on each). */
  listRepositories(
    namespace: string,
    options?: DockerHubCallOptions,
  ): Promise<DockerHubRepository[]>;
  /**
   * Asks the registry token service for `repository:<repository>:<action>` with Basic auth. Only
   * fetches a token; never pulls or pushes anything.
   */
  probeRegistryAccess(
    repository: string,
    action: 'pull' | 'push',
    options?: DockerHubCallOptions,
  ): Promise<RegistryProbeResult>;
}

/**
 * The Docker Hub calls the onboarding checks make.
 * @public
 */
export interface DockerHubClient {
  /** `POST /v2/auth/token`; throws `DockerHubError` 401 when the credentials are rejected. */
  signIn(
    credentials: DockerHubCredentials,
    options?: DockerHubCallOptions,
  ): Promise<DockerHubSession>;
  /**
   * `GET /v2/namespaces/{namespace}/repositories` without credentials: the number of repositories
   * anyone can see (public ones). Docker Hub answers 0 both for an unknown namespace and for one
   * with private repositories only, so 0 proves nothing.
   */
  countPublicRepositories(
    namespace: string,
    options?: DockerHubCallOptions,
  ): Promise<number>;
}
