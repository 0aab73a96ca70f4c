import type { SecurityCenter } from '@azure/arm-security';
import { getPagedAsyncIterator } from '@azure/core-paging';
import {
  createHttpHeaders,
  createPipelineRequest,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  armErrorFromAnswer,
  armErrorFromFailure,
  parseArmBody,
} from './armErrorFrom';
import type { ArmCallOptions } from './DefenderArmClient';
import { armCallMeta, logArmCall } from './logArmCall';
import { stripConnectorSecrets } from './stripConnectorSecrets';

/** Stops a runaway `nextLink` chain; 1000 pages is far beyond any subscription's connectors. */
const MAX_PAGES = 1000;

/** One ARM request, by path (with its api-version) or by an absolute `nextLink`. */
export interface ArmRequest {
  method: 'GET' | 'PUT' | 'DELETE' | 'POST';
  operation: string;
  /** With `apiVersion`: a path under the endpoint. Without: an absolute URL that has it. */
  path: string;
  apiVersion?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent in this request's body: never in the error text an answer produces. */
  secrets?: Array<string | undefined>;
}

/**
 * Sends hand-built ARM requests through the `SecurityCenter` client's pipeline, which adds the
 * bearer token, retries (honouring Retry-After), `x-ms-client-request-id` and redacted logging.
 * It neither parses nor throws on an HTTP error: that is done here, into `ArmError`.
 */
export class ArmTransport {
  constructor(
    private readonly client: Pick<SecurityCenter, 'sendRequest'>,
    private readonly endpoint: string,
    private readonly timeoutMs: number,
    private readonly logger?: LoggerService,
  ) {}

  url(path: string, apiVersion: string): string {
    return `${this.endpoint}${path}?api-version=${encodeURIComponent(
      apiVersion,
    )}`;
  }

  /** The parsed body, connector tokens already removed; throws `ArmError` from 400 on. */
  async send(
    req: ArmRequest,
    options?: ArmCallOptions,
  ): Promise<{ status: number; body: any }> {
    const request = createPipelineRequest({
      url: req.apiVersion ? this.url(req.path, req.apiVersion) : req.path,
      method: req.method,
      headers: createHttpHeaders({
        Accept: 'application/json',
        ...(req.body !== undefined
          ? { 'Content-Type': 'application/json' }
          : {}),
        ...req.headers,
      }),
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      timeout: this.timeoutMs,
      abortSignal: options?.signal,
    });
    const secrets = req.secrets ?? [];
    let response: PipelineResponse;
    try {
      response = await this.client.sendRequest(request);
    } catch (e) {
      throw armErrorFromFailure(req.operation, e, request.requestId, secrets);
    }
    const body = stripConnectorSecrets(parseArmBody(response.bodyAsText));
    if (response.status >= 400) {
      const err = armErrorFromAnswer(
        req.operation,
        response,
        body,
        request.requestId,
        secrets,
      );
      this.logger?.debug(err.message, armCallMeta(response.headers));
      throw err;
    }
    logArmCall(this.logger, req.operation, response);
    return { status: response.status, body };
  }

  /** Every item of an ARM list, following `nextLink` (absolute, api-version included). */
  async listAll<T>(
    path: string,
    apiVersion: string,
    operation: string,
    options?: ArmCallOptions,
  ): Promise<T[]> {
    const origin = new URL(this.endpoint).origin;
    let pagesRead = 0;
    const items = getPagedAsyncIterator<T, T[]>({
      firstPageLink: this.url(path, apiVersion),
      getPage: async link => {
        if (pagesRead++ >= MAX_PAGES) {
          throw new Error(`${operation}: more than ${MAX_PAGES} pages`);
        }
        // The bearer policy would attach the ARM token to any https URL: only follow our own host.
        if (new URL(link).origin !== origin) {
          throw new Error(
            `${operation}: refusing to follow a nextLink to another host (${
              new URL(link).origin
            })`,
          );
        }
        const { body } = await this.send(
          { method: 'GET', path: link, operation },
          options,
        );
        return {
          page: Array.isArray(body?.value) ? body.value : [],
          nextPageLink: body?.nextLink || undefined,
        };
      },
    });
    const all: T[] = [];
    for await (const item of items) all.push(item);
    return all;
  }
}
