import { setTimeout as delay } from 'node:timers/promises';
import { Agent, fetch as undiciFetch } from 'undici';
import { scrubSecrets } from '../util/scrubSecrets';
import type { DockerHubCallOptions } from './DockerHubClient';
import { DockerHubError } from './DockerHubError';
import type { DockerHubFetch } from './DockerHubFetch';
import type { DockerHubResponse } from './DockerHubResponse';
import type { FetchDockerHubClientOptions } from './FetchDockerHubClient';
import { parseRetryAfter } from './parseRetryAfter';

/*
 * Retry policy, shaped like the Azure SDK pipeline's (few retries, exponential backoff with
 * jitter and a capped step, Retry-After honoured) plus a wall-clock cap, so one slow Docker Hub
 * never holds a scaffolder task for minutes. Docker Hub documents 429 + Retry-After for its rate
 * limit (https://docs.docker.com/reference/api/hub/latest/#tag/rate-limiting); 5xx from its API
 * and its CDN are transient.
 *
 * Not p-retry: its delay is always its own formula (no hook for a Retry-After wait), its
 * `maxRetryTime` shortens the last wait to the time left and tries once more at the deadline
 * instead of not beginning that wait, and its clock and timer cannot be injected, which the
 * `now`/`sleep` options promise. It also ends in a thrown error, where an exhausted 429/5xx must
 * come back as that answer.
 */
const DEFAULT_MAX_RETRIES = 3;
const DEFAULT_MAX_RETRY_DELAY_MS = 60_000;
const DEFAULT_MAX_BACKOFF_MS = 8_000;
const DEFAULT_MAX_ELAPSED_MS = 90_000;
const DEFAULT_TIMEOUT_MS = 15_000;
const BACKOFF_BASE_MS = 250;
const RETRYABLE = new Set([429, 500, 502, 503, 504]);

/** A request as the client builds it; the transport adds the common headers and the signal. */
export interface DockerHubRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** One attempt: an answer, or why none came (already scrubbed). */
type Attempt = { response: DockerHubResponse } | { failure: string };

const sleepFor = (ms: number, signal?: AbortSignal) =>
  delay(ms, undefined, { signal });

const aborted = (op: string) =>
  new DockerHubError({ operation: op, status: 0, reason: 'aborted' });

/**
 * Sends Docker Hub requests over `fetch` (undici, so an extra CA can be trusted per client):
 * never following a redirect, each attempt under its own timeout, retried within the policy.
 */
export class DockerHubTransport {
  private readonly fetchImpl: DockerHubFetch;
  private readonly dispatcher?: Agent;
  private readonly maxRetries: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: FetchDockerHubClientOptions) {
    this.fetchImpl =
      options.fetch ?? (undiciFetch as unknown as DockerHubFetch);
    this.dispatcher =
      options.trust?.dispatcher ??
      (options.ca ? new Agent({ connect: { ca: options.ca } }) : undefined);
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /**
   * The last answer, retryable or not, once no retry is left; throws `DockerHubError` when no
   * answer came at all, on a redirect and on abort.
   */
  async send(
    op: string,
    url: string,
    init: DockerHubRequest,
    secrets: string[],
    options?: DockerHubCallOptions,
  ): Promise<DockerHubResponse> {
    const deadline =
      this.now() + (this.options.maxElapsedMs ?? DEFAULT_MAX_ELAPSED_MS);
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(
        op,
        url,
        init,
        secrets,
        options?.signal,
      );
      const wait = this.retryWait(outcome, attempt, deadline);
      if (wait === undefined) {
        if ('response' in outcome) return outcome.response;
        throw new DockerHubError({
          operation: op,
          status: 0,
          reason: outcome.failure,
        });
      }
      this.options.logger?.debug(
        `Docker Hub ${op}: ${
          'response' in outcome
            ? `${outcome.response.status}, waiting ${Math.ceil(wait)} ms`
            : outcome.failure
        }; retry ${attempt + 1}/${this.maxRetries}`,
      );
      await this.wait(wait, op, options?.signal);
    }
  }

  private async attempt(
    op: string,
    url: string,
    init: DockerHubRequest,
    secrets: string[],
    signal?: AbortSignal,
  ): Promise<Attempt> {
    // The timeout covers the body too: a server that stalls mid-answer is as stuck as a silent one.
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let response: DockerHubResponse | undefined;
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
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
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
      response = {
        status: r.status,
        headers: r.headers,
        text,
        json: parseJson(text),
      };
    } catch (e) {
      failure = e;
    }
    if (signal?.aborted) throw aborted(op);
    if (redirect) {
      throw new DockerHubError({
        operation: op,
        status: redirect.status,
        reason: `Docker Hub answered with a redirect to ${redirect.to}, which Backstage does not follow with credentials; check defenderForContainers.dockerHub.apiUrl and any proxy in between`,
      });
    }
    if (response) return { response };
    const cause = (failure as any)?.cause;
    return {
      failure: timeout.aborted
        ? `timed out after ${this.timeoutMs} ms`
        : scrubSecrets(
            String(
              cause?.code ??
                cause?.message ??
                (failure as Error)?.message ??
                failure,
            ),
            secrets,
          ),
    };
  }

  /**
   * How long to wait before the next attempt, or `undefined` for none: retries used up, an
   * answer not worth retrying, a Retry-After beyond `maxRetryDelayMs`, or a wait that would end
   * after the wall-clock budget.
   */
  private retryWait(
    outcome: Attempt,
    attempt: number,
    deadline: number,
  ): number | undefined {
    if (attempt >= this.maxRetries) return undefined;
    const withinBudget = (wait: number) => this.now() + wait <= deadline;
    if ('failure' in outcome) {
      const wait = this.backoff(attempt);
      return withinBudget(wait) ? wait : undefined;
    }
    const { status, headers } = outcome.response;
    if (!RETRYABLE.has(status)) return undefined;
    const wait = parseRetryAfter(headers, this.now()) ?? this.backoff(attempt);
    const maxDelay = this.options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS;
    return wait <= maxDelay && withinBudget(wait) ? wait : undefined;
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
      await (this.options.sleep ?? sleepFor)(ms, signal);
    } catch (e) {
      if (signal?.aborted) throw aborted(op);
      throw e;
    }
  }
}

function parseJson(text: string): any {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Only the origin of a redirect's target: its path and query could carry anything. */
function originOf(location: string | null): string {
  try {
    return new URL(location ?? '').origin;
  } catch {
    return 'an unreadable location';
  }
}
