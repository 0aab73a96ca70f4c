import type { PipelineResponse } from '@azure/core-rest-pipeline';
import type { LoggerService } from '@backstage/backend-plugin-api';

/**
 * Below these, a call is logged at info instead of debug: the subscription's ARM read bucket
 * (`x-ms-ratelimit-remaining-subscription-reads`,
 * https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling)
 * or the caller's Resource Graph quota (`x-ms-user-quota-remaining`,
 * https://learn.microsoft.com/azure/governance/resource-graph/concepts/guidance-for-throttled-requests)
 * is nearly used up, and throttling (429) is near.
 */
const LOW_REMAINING_READS = 100;
const LOW_RESOURCE_GRAPH_QUOTA = 3;

/** What support and capacity planning need from a response's headers; never a body. */
export function armCallMeta(
  headers: PipelineResponse['headers'],
): Record<string, string> {
  const meta: Record<string, string> = {};
  const pick = (key: string, header: string) => {
    const value = headers.get(header);
    if (value) meta[key] = value;
  };
  pick('requestId', 'x-ms-request-id');
  pick('correlationRequestId', 'x-ms-correlation-request-id');
  pick('clientRequestId', 'x-ms-client-request-id');
  pick('remainingReads', 'x-ms-ratelimit-remaining-subscription-reads');
  pick('resourceGraphQuotaRemaining', 'x-ms-user-quota-remaining');
  pick('resourceGraphQuotaResetsAfter', 'x-ms-user-quota-resets-after');
  return meta;
}

/** One line per successful call, with its request ids and what is left of the read budgets. */
export function logArmCall(
  logger: LoggerService | undefined,
  operation: string,
  response: Pick<PipelineResponse, 'status' | 'headers'>,
): void {
  const meta = armCallMeta(response.headers);
  const low =
    Number(meta.remainingReads ?? Infinity) < LOW_REMAINING_READS ||
    Number(meta.resourceGraphQuotaRemaining ?? Infinity) <
      LOW_RESOURCE_GRAPH_QUOTA;
  logger?.[low ? 'info' : 'debug'](
    `Azure ${operation}: ${response.status} [x-ms-request-id ${
      meta.requestId ?? '-'
    }${meta.remainingReads ? `, remaining reads ${meta.remainingReads}` : ''}${
      meta.resourceGraphQuotaRemaining
        ? `, Resource Graph quota ${meta.resourceGraphQuotaRemaining}`
        : ''
    }]`,
    meta,
  );
}
