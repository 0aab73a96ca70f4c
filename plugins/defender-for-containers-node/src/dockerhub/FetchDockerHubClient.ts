/*
 * Security: the access token is only ever sent to the configured Docker Hub API (sign-in body)
 * and the registry token service (Basic auth); the Hub JWT only in `Authorization` headers to
 * the Docker Hub API origin — a `next` link to another origin is refused, not followed. Neither
 * secret is logged, returned or put in an error: Docker's messages are scrubbed of both before
 * they reach a `DockerHubError`. Redirects are never followed (DockerHubTransport).
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { DefenderForContainersConfig } from '../config/DefenderForContainersConfig';
import type { DefenderTlsTrust } from '../config/createDefenderTlsTrust';
import { decodeRegistryTokenActions } from './decodeDockerHubJwt';
import type {
  DockerHubCallOptions,
  DockerHubClient,
  DockerHubCredentials,
  DockerHubSession,
  RegistryProbeResult,
} from './DockerHubClient';
import { DockerHubError } from './DockerHubError';
import type { DockerHubFetch } from './DockerHubFetch';
import {
  responseDetail,
  responseError,
  type DockerHubResponse,
} from './DockerHubResponse';
import { DockerHubTransport } from './DockerHubTransport';
import { FetchDockerHubSession, sessionSecrets } from './FetchDockerHubSession';

export type { DockerHubFetch } from './DockerHubFetch';

/** @public */
export interface FetchDockerHubClientOptions {
  dockerHub: DefenderForContainersConfig['dockerHub'];
  logger?: LoggerService;
  /** Trusted for Docker Hub (`createDefenderTlsTrust`); its dispatcher carries the requests. */
  trust?: DefenderTlsTrust;
  /**
   * CA list from `loadTrustedCertificates`, re-parsed for every new connection.
   * @deprecated Use `trust`; ignored when `trust` is given.
   */
  ca?: string[];
  fetch?: DockerHubFetch;
  /** Retries on 429, 500, 502–504, connection resets and timeouts. Default 3. */
  maxRetries?: number;
  /** A Retry-After longer than this fails fast instead of waiting. Default 60 s. */
  maxRetryDelayMs?: number;
  /** Cap of one exponential backoff step (no Retry-After given). Default 8 s. */
  maxBackoffMs?: number;
  /**
   * Wall-clock budget of one call, its retries and waits included: no retry starts (and no wait
   * is begun) that would end after it. Default 90 s.
   */
  maxElapsedMs?: number;
  /** Per-attempt timeout, body included. Default 15 s. */
  timeoutMs?: number;
  /** How the client waits between attempts; injectable so tests can see the delays asked for. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The clock for the wall-clock budget and for HTTP-date Retry-After values. */
  now?: () => number;
}

/** 1000 pages of 100 = 100k repositories; beyond that something loops. */
const MAX_PAGES = 1000;

/**
 * `DockerHubClient` over `fetch` (undici, so an extra CA can be trusted per client), with
 * bounded retries honouring `Retry-After` / `X-Retry-After`, per-request timeouts and one
 * re-sign-in on 401.
 * @public
 */
export class FetchDockerHubClient implements DockerHubClient {
  private readonly transport: DockerHubTransport;
  private readonly apiOrigin: string;

  constructor(private readonly options: FetchDockerHubClientOptions) {
    this.transport = new DockerHubTransport(options);
    this.apiOrigin = new URL(options.dockerHub.apiUrl).origin;
  }

  async signIn(
    credentials: DockerHubCredentials,
    options?: DockerHubCallOptions,
  ): Promise<DockerHubSession> {
    const jwt = await this.createHubToken(credentials, options);
    return new FetchDockerHubSession(
      this,
      this.options.dockerHub.apiUrl,
      credentials,
      jwt,
    );
  }

  async countPublicRepositories(
    namespace: string,
    options?: DockerHubCallOptions,
  ): Promise<number> {
    const op = `GET /v2/namespaces/${namespace}/repositories (anonymous)`;
    const res = await this.transport.send(
      op,
      `${this.options.dockerHub.apiUrl}/v2/namespaces/${encodeURIComponent(
        namespace,
      )}/repositories?page_size=1`,
      { method: 'GET', headers: {} },
      [],
      options,
    );
    const count = res.json?.count;
    if (res.status !== 200 || typeof count !== 'number') {
      throw responseError(op, res, []);
    }
    return count;
  }

  /** @internal */
  async createHubToken(
    credentials: DockerHubCredentials,
    options?: DockerHubCallOptions,
  ): Promise<string> {
    const op = 'POST /v2/auth/token';
    const res = await this.transport.send(
      op,
      `${this.options.dockerHub.apiUrl}/v2/auth/token`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          identifier: credentials.username,
          secret: credentials.secret,
        }),
      },
      [credentials.secret],
      options,
    );
    const jwt = res.json?.access_token;
    if (res.status !== 200 || typeof jwt !== 'string' || !jwt) {
      throw responseError(op, res, [credentials.secret]);
    }
    return jwt;
  }

  /** @internal GET on the Hub API with the session's JWT; signs in again once on 401. */
  async hubGet(
    session: object,
    op: string,
    url: string,
    options?: DockerHubCallOptions,
  ): Promise<DockerHubResponse> {
    const secrets = sessionSecrets.get(session)!;
    if (new URL(url).origin !== this.apiOrigin) {
      throw new DockerHubError({
        operation: op,
        status: 0,
        reason: `refusing to send the Docker Hub session to another origin (${
          new URL(url).origin
        })`,
      });
    }
    const get = () =>
      this.transport.send(
        op,
        url,
        {
          method: 'GET',
          headers: { Authorization: `Bearer ${secrets.jwt}` },
        },
        [secrets.credentials.secret, secrets.jwt],
        options,
      );
    let res = await get();
    if (res.status === 401) {
      // The Hub JWT lives ~10 minutes; a long listing can outlive it.
      this.options.logger?.debug(
        `Docker Hub ${op}: 401, signing in again once`,
      );
      secrets.jwt = await this.createHubToken(secrets.credentials, options);
      res = await get();
    }
    return res;
  }

  /** @internal */
  async registryProbe(
    session: object,
    repository: string,
    action: 'pull' | 'push',
    options?: DockerHubCallOptions,
  ): Promise<RegistryProbeResult> {
    const { credentials, jwt } = sessionSecrets.get(session)!;
    const url = new URL(this.options.dockerHub.registryAuthUrl);
    url.searchParams.set('service', this.options.dockerHub.registryService);
    url.searchParams.set('scope', `repository:${repository}:${action}`);
    const op = `GET registry token (${action})`;
    const basic = Buffer.from(
      `${credentials.username}:${credentials.secret}`,
    ).toString('base64');
    const secrets = [credentials.secret, jwt, basic];
    const res = await this.transport.send(
      op,
      url.toString(),
      { method: 'GET', headers: { Authorization: `Basic ${basic}` } },
      secrets,
      options,
    );
    if (res.status === 401) {
      const detail = responseDetail(res, secrets);
      return /insufficient scope/i.test(res.text)
        ? { outcome: 'insufficientScope', detail }
        : { outcome: 'unauthorized', detail };
    }
    const token = res.json?.token ?? res.json?.access_token;
    if (res.status !== 200 || typeof token !== 'string') {
      throw responseError(op, res, secrets);
    }
    return {
      outcome: 'granted',
      actions: decodeRegistryTokenActions(token, repository),
    };
  }

  /** @internal Follows `next` links, authenticated on every page. */
  async listPages<T>(
    session: object,
    op: string,
    firstUrl: string,
    options?: DockerHubCallOptions,
  ): Promise<T[]> {
    const items: T[] = [];
    let url: string | undefined = firstUrl;
    for (let page = 0; url; page++) {
      if (page >= MAX_PAGES) {
        throw new DockerHubError({
          operation: op,
          status: 0,
          reason: `more than ${MAX_PAGES} pages`,
        });
      }
      const res = await this.hubGet(session, op, url, options);
      // Docker answers 404 for a page past the end ("Page not found", listNamespaceRepositories
      // in https://docs.docker.com/reference/api/hub/latest/).
      if (res.status === 404 && page > 0) break;
      if (res.status !== 200) {
        const { credentials, jwt } = sessionSecrets.get(session)!;
        throw responseError(op, res, [credentials.secret, jwt]);
      }
      items.push(...((res.json?.results as T[]) ?? []));
      url = typeof res.json?.next === 'string' ? res.json.next : undefined;
    }
    return items;
  }
}
