import { randomUUID } from 'node:crypto';
import {
  ResourceGraphClient,
  type QueryRequest,
  type QueryResponse,
  type ResourceGraphClientOptionalParams,
} from '@azure/arm-resourcegraph';
import type { TokenCredential } from '@azure/core-auth';
import type {
  PipelinePolicy,
  PipelineResponse,
} from '@azure/core-rest-pipeline';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  armErrorFromAnswer,
  armErrorFromFailure,
  parseArmBody,
} from './armErrorFrom';
import type {
  ResourceGraphQueryOptions,
  ResourceGraphResult,
} from './DefenderArmClient';
import { armCallMeta, logArmCall } from './logArmCall';

/** Resource Graph pages are read until this many by default (50 × 1000 rows). */
const DEFAULT_MAX_PAGES = 50;
/** The most rows Resource Graph returns per page (`$top`). */
const DEFAULT_PAGE_SIZE = 1000;

/** The pipeline settings Resource Graph shares with the `SecurityCenter` client. */
export type ArmPipelineOptions = Pick<
  ResourceGraphClientOptionalParams,
  'endpoint' | 'retryOptions' | 'tlsOptions' | 'userAgentOptions'
>;

/**
 * Sends every query with the configured api-version: a newer SDK release that moved to another
 * one would otherwise change the contract under us without a word.
 */
function pinApiVersion(apiVersion: string): PipelinePolicy {
  return {
    name: 'defenderResourceGraphApiVersion',
    sendRequest(request, next) {
      const url = new URL(request.url);
      url.searchParams.set('api-version', apiVersion);
      request.url = url.toString();
      return next(request);
    },
  };
}

/**
 * Resource Graph queries (`POST /providers/Microsoft.ResourceGraph/resources`, spec:
 * https://github.com/Azure/azure-rest-api-specs/blob/main/specification/resourcegraph/resource-manager/Microsoft.ResourceGraph/stable/2024-04-01/resourcegraph.json)
 * through `@azure/arm-resourcegraph`, on the same credential, token scope, endpoint, TLS trust
 * and retry policy as the `SecurityCenter` client. Its `resources` reads one page; the
 * `$skipToken` chain is followed here, in a plain loop rather than `@azure/core-paging`: the
 * token goes back in the POST body, and the result needs the first page's `totalRecords`, the
 * last page's `resultTruncated` and whether `maxPages` cut the chain short.
 */
export class ResourceGraphReader {
  private readonly graph: ResourceGraphClient;

  constructor(
    credential: TokenCredential,
    private readonly options: {
      pipeline: ArmPipelineOptions;
      scope: string;
      apiVersion: string;
      timeoutMs: number;
      logger?: LoggerService;
    },
  ) {
    this.graph = new ResourceGraphClient(credential, {
      ...options.pipeline,
      credentials: { scopes: [options.scope] },
      additionalPolicies: [
        { policy: pinApiVersion(options.apiVersion), position: 'perCall' },
      ],
    });
  }

  /** Rows of every page (`resultFormat: objectArray`), up to `maxPages`. */
  async query<T>(
    subscriptions: string[],
    query: string,
    options?: ResourceGraphQueryOptions,
  ): Promise<ResourceGraphResult<T>> {
    const maxPages = options?.maxPages ?? DEFAULT_MAX_PAGES;
    const rows: T[] = [];
    let totalRecords: number | undefined;
    let skipToken: string | undefined;
    for (let page = 1; page <= maxPages; page++) {
      const body = await this.page(
        `POST resources (Resource Graph, page ${page})`,
        {
          subscriptions,
          query,
          options: {
            resultFormat: 'objectArray',
            top: options?.pageSize ?? DEFAULT_PAGE_SIZE,
            skipToken,
          },
        },
        options?.signal,
      );
      if (page === 1 && typeof body.totalRecords === 'number') {
        totalRecords = body.totalRecords;
      }
      if (!Array.isArray(body.data)) {
        throw new Error(
          'Resource Graph answered without a data array (resultFormat objectArray was asked)',
        );
      }
      rows.push(...(body.data as T[]));
      skipToken = body.skipToken || undefined;
      if (!skipToken) {
        return {
          rows,
          totalRecords,
          truncated: String(body.resultTruncated) === 'true',
        };
      }
    }
    return { rows, totalRecords, truncated: true };
  }

  /** One page; failures become `ArmError`, each answer is logged with its request ids. */
  private async page(
    operation: string,
    request: QueryRequest,
    signal?: AbortSignal,
  ): Promise<QueryResponse> {
    // Known before sending, so that an error without an answer still names the request.
    const clientRequestId = randomUUID();
    let answer: PipelineResponse | undefined;
    try {
      const page = await this.graph.resources(request, {
        abortSignal: signal,
        requestOptions: {
          timeout: this.options.timeoutMs,
          headers: { 'x-ms-client-request-id': clientRequestId },
        },
        onResponse: response => {
          answer = response;
        },
      });
      if (answer) logArmCall(this.options.logger, operation, answer);
      return page;
    } catch (e) {
      if (answer && answer.status >= 400) {
        const err = armErrorFromAnswer(
          operation,
          answer,
          parseArmBody(answer.bodyAsText),
          clientRequestId,
          [],
        );
        this.options.logger?.debug(err.message, armCallMeta(answer.headers));
        throw err;
      }
      throw armErrorFromFailure(operation, e, clientRequestId, []);
    }
  }
}
