/*
 * Security: the access token is only ever sent to the configured Docker Hub API (sign-in body)
 * and the registry token service (Basic auth); the Hub JWT only in `Authorization` headers to
 * the Docker Hub API origin — a `next` link to another origin is refused, not followed. Neither
 * secret is logged, returned or put in an error: Docker's messages are scrubbed of both before
 * they reach a `DockerHubError`.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import { Agent, fetch as undiciFetch } from 'undici';
import type { DefenderForContainersConfig } from '../config/DefenderForContainersConfig';
import type { DefenderTlsTrust } from '../config/createDefenderTlsTrust';
import {
  decodeDockerHubJwt,
  decodeRegistryTokenActions,
} from './decodeDockerHubJwt';
import type {
  DockerHubCallOptions,
  DockerHubClient,
  DockerHubCredentials,
  DockerHubOrganization,
  DockerHubRepository,
  DockerHubSession,
  RegistryProbeResult,
} from './DockerHubClient';
import { DockerHubError } from './DockerHubError';
import { parseRetryAfter } from './parseRetryAfter';
import { scrubSecrets } from '../util/scrubSecrets';

/**
 * The subset of `fetch` the client uses; injectable so tests can observe (not fake) traffic.
 * @public
 */
export type DockerHubFetch = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    signal: AbortSignal;
    dispatcher?: Agent;
    /** Always `manual`: a redirect is never followed with the credentials. */
    redirect?: 'manual';
  },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

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

/*
 * Retry policy, shaped like the Azure SDK pipeline's (few retries, exponential backoff with
 * jitter and a capped step, Retry-After honoured) plus a wall-clock cap, so one slow Docker Hub
 * never holds a scaffolder task for minutes. Docker Hub documents 429 + Retry-After for its rate
 * limit (https://docs.docker.com/reference/api/hub/latest/#tag/rate-limiting); 5xx from its API
 * and its CDN are transient.
 */
const DEFAULT_MAX_RETRIES = 3;
const DEFAULT_MAX_RETRY_DELAY_MS = 60_000;
const DEFAULT_MAX_BACKOFF_MS = 8_000;
const DEFAULT_MAX_ELAPSED_MS = 90_000;
const DEFAULT_TIMEOUT_MS = 15_000;
const BACKOFF_BASE_MS = 250;
const RETRYABLE = new Set([429, 500, 502, 503, 504]);
/** Docker's maximum page size; fewer round trips for big organizations. */
const PAGE_SIZE = 100;
/** 1000 pages of 100 = 100k repositories; beyond that something loops. */
const MAX_PAGES = 1000;

interface RawResponse {
  status: number;
  headers: { get(name: string): string | null };
  text: string;
  json: any;
}

/** Secrets of a session, out of reach of `JSON.stringify`, `util.inspect` and property access. */
const sessionSecrets = new WeakMap<
  object,
  { credentials: DockerHubCredentials; jwt: string }
>();

/** What a session needs from its client (defined below). */
interface SessionTransport {
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

/** A signed-in session; its secrets live in `sessionSecrets`, not on the object. */
class FetchDockerHubSession implements DockerHubSession {
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

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason ?? new Error('aborted'));
      },
      { once: true },
    );
  });
}

/**
 * `DockerHubClient` over `fetch` (undici, so an extra CA can be trusted per client), with
 * bounded retries honouring `Retry-After` / `X-Retry-After`, per-request timeouts and one
 * re-sign-in on 401.
 * @public
 */
export class FetchDockerHubClient implements DockerHubClient {
  private readonly fetchImpl: DockerHubFetch;
  private readonly dispatcher?: Agent;
  private readonly apiOrigin: string;

  constructor(private readonly options: FetchDockerHubClientOptions) {
    this.fetchImpl =
      options.fetch ?? (undiciFetch as unknown as DockerHubFetch);
    this.dispatcher =
      options.trust?.dispatcher ??
      (options.ca ? new Agent({ connect: { ca: options.ca } }) : undefined);
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
    const res = await this.send(
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
      throw this.error(op, res, []);
    }
    return count;
  }

  /** @internal */
  async createHubToken(
    credentials: DockerHubCredentials,
    options?: DockerHubCallOptions,
  ): Promise<string> {
    const op = 'POST /v2/auth/token';
    const res = await this.send(
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
      throw this.error(op, res, [credentials.secret]);
    }
    return jwt;
  }

  /** @internal GET on the Hub API with the session's JWT; signs in again once on 401. */
  async hubGet(
    session: object,
    op: string,
    url: string,
    options?: DockerHubCallOptions,
  ): Promise<RawResponse> {
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
      this.send(
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
    const res = await this.send(
      op,
      url.toString(),
      { method: 'GET', headers: { Authorization: `Basic ${basic}` } },
      secrets,
      options,
    );
    if (res.status === 401) {
      const detail = this.detail(res, secrets);
      return /insufficient scope/i.test(res.text)
        ? { outcome: 'insufficientScope', detail }
        : { outcome: 'unauthorized', detail };
    }
    const token = res.json?.token ?? res.json?.access_token;
    if (res.status !== 200 || typeof token !== 'string') {
      throw this.error(op, res, secrets);
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
      // Docker answers 404 for a page past the end (reference/dockerhub §4.1).
      if (res.status === 404 && page > 0) break;
      if (res.status !== 200) {
        const { credentials, jwt } = sessionSecrets.get(session)!;
        throw this.error(op, res, [credentials.secret, jwt]);
      }
      items.push(...((res.json?.results as T[]) ?? []));
      url = typeof res.json?.next === 'string' ? res.json.next : undefined;
    }
    return items;
  }

  private async send(
    op: string,
    url: string,
    init: { method: string; headers: Record<string, string>; body?: string },
    secrets: string[],
    options?: DockerHubCallOptions,
  ): Promise<RawResponse> {
    const maxRetries = this.options.maxRetries ?? DEFAULT_MAX_RETRIES;
    const maxDelay = this.options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS;
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadline =
      this.now() + (this.options.maxElapsedMs ?? DEFAULT_MAX_ELAPSED_MS);
    // A wait that would end after the deadline is not begun: the last answer is returned.
    const withinBudget = (wait: number) => this.now() + wait <= deadline;
    for (let attempt = 0; ; attempt++) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      const onAbort = () => controller.abort();
      options?.signal?.addEventListener('abort', onAbort, { once: true });
      let res: RawResponse | undefined;
      let failure: unknown;
      let redirect: { status: number; to: string } | undefined;
      try {
        const r = await this.fetchImpl(url, {
          ...init,
          headers: {
            Accept: 'application/json',
            'User-Agent': 'defender-backstage',
            ...init.headers,
          },
          signal: controller.signal,
          // The Authorization header (a JWT, or on sign-in the token itself in the body) would
          // go to wherever a redirect points: never follow one.
          redirect: 'manual',
          ...(this.dispatcher ? { dispatcher: this.dispatcher } : {}),
        });
        if (r.status >= 300 && r.status < 400) {
          redirect = {
            status: r.status,
            to: originOf(r.headers.get('location')),
          };
        }
        const text = await r.text();
        let json: any;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        res = { status: r.status, headers: r.headers, text, json };
      } catch (e) {
        failure = e;
      } finally {
        clearTimeout(timer);
        options?.signal?.removeEventListener('abort', onAbort);
      }
      if (options?.signal?.aborted) {
        throw new DockerHubError({
          operation: op,
          status: 0,
          reason: 'aborted',
        });
      }
      if (redirect) {
        throw new DockerHubError({
          operation: op,
          status: redirect.status,
          reason: `Docker Hub answered with a redirect to ${redirect.to}, which Backstage does not follow with credentials; check defenderForContainers.dockerHub.apiUrl and any proxy in between`,
        });
      }
      if (!res) {
        const reason = controller.signal.aborted
          ? `timed out after ${timeoutMs} ms`
          : scrubSecrets(
              String(
                (failure as any)?.cause?.code ??
                  (failure as any)?.cause?.message ??
                  (failure as Error)?.message ??
                  failure,
              ),
              secrets,
            );
        const wait = this.backoff(attempt);
        if (attempt < maxRetries && withinBudget(wait)) {
          this.options.logger?.debug(
            `Docker Hub ${op}: ${reason}; retry ${attempt + 1}/${maxRetries}`,
          );
          await this.wait(wait, op, options?.signal);
          continue;
        }
        throw new DockerHubError({ operation: op, status: 0, reason });
      }
      if (RETRYABLE.has(res.status) && attempt < maxRetries) {
        const hinted = parseRetryAfter(res.headers, this.now());
        const wait = hinted ?? this.backoff(attempt);
        if (wait <= maxDelay && withinBudget(wait)) {
          this.options.logger?.debug(
            `Docker Hub ${op}: ${res.status}, waiting ${Math.ceil(
              wait,
            )} ms; retry ${attempt + 1}/${maxRetries}`,
          );
          await this.wait(wait, op, options?.signal);
          continue;
        }
      }
      return res;
    }
  }

  /** Exponential with jitter (50–100 % of the step), each step capped. */
  private backoff(attempt: number): number {
    const step = Math.min(
      BACKOFF_BASE_MS * 2 ** attempt,
      this.options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS,
    );
    return step * (0.5 + Math.random() / 2);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async wait(ms: number, op: string, signal?: AbortSignal) {
    try {
      await (this.options.sleep ?? sleep)(ms, signal);
    } catch (e) {
      if (signal?.aborted) {
        throw new DockerHubError({
          operation: op,
          status: 0,
          reason: 'aborted',
        });
      }
      throw e;
    }
  }

  private detail(res: RawResponse, secrets: string[]): string | undefined {
    const j = res.json;
    const raw =
      (typeof j?.message === 'string' && j.message) ||
      (typeof j?.detail === 'string' && j.detail) ||
      (typeof j?.details === 'string' && j.details) ||
      (typeof j?.error === 'string' && j.error) ||
      (j === undefined && res.text ? plainText(res.text) : undefined);
    return raw ? scrubSecrets(String(raw), secrets).slice(0, 300) : undefined;
  }

  private error(op: string, res: RawResponse, secrets: string[]) {
    const retryAfter = parseRetryAfter(res.headers);
    return new DockerHubError({
      operation: op,
      status: res.status,
      detail: this.detail(res, secrets),
      retryAfterSeconds:
        res.status === 429 && retryAfter !== undefined
          ? Math.ceil(retryAfter / 1000)
          : undefined,
    });
  }
}

/**
 * A gateway or proxy in front of Docker Hub answers 502/504 with an HTML page; its markup would
 * only clutter the task log, so an HTML body shrinks to its title (or its text).
 */
function plainText(body: string): string {
  if (!/^\s*</.test(body)) return body;
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
  const text = (title ?? body.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return text ? `an HTML error page: ${text}` : 'an HTML error page';
}

/** Only the origin of a redirect's target: its path and query could carry anything. */
function originOf(location: string | null): string {
  try {
    return new URL(location ?? '').origin;
  } catch {
    return 'an unreadable location';
  }
}
