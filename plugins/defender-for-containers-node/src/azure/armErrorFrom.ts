import { isRestError, type PipelineResponse } from '@azure/core-rest-pipeline';
import { scrubSecrets } from '../util/scrubSecrets';
import { ArmError } from './ArmError';

/**
 * The `ArmError` of an answer of 400 or more: ARM's `error.code` and `error.message`
 * (https://github.com/Azure/azure-resource-manager-rpc/blob/master/v1.0/common-api-details.md)
 * and the three request ids support asks for. The message is scrubbed of `secrets`: an answer
 * to the connector PUT may quote the request it refuses, the token included.
 */
export function armErrorFromAnswer(
  operation: string,
  response: Pick<PipelineResponse, 'status' | 'headers'>,
  body: any,
  clientRequestId: string,
  secrets: Array<string | undefined>,
): ArmError {
  const { headers } = response;
  const message = body?.error?.message;
  return new ArmError({
    operation,
    status: response.status,
    code: body?.error?.code,
    armMessage:
      message === undefined ? undefined : scrubSecrets(message, secrets),
    requestId: headers.get('x-ms-request-id'),
    correlationRequestId: headers.get('x-ms-correlation-request-id'),
    clientRequestId: headers.get('x-ms-client-request-id') ?? clientRequestId,
  });
}

/** The `ArmError` of a call that got no answer: reset, timeout, DNS, abort. */
export function armErrorFromFailure(
  operation: string,
  e: unknown,
  clientRequestId: string,
  secrets: Array<string | undefined>,
): ArmError {
  const message = (e as Error)?.message;
  return new ArmError({
    operation,
    status: isRestError(e) ? e.statusCode ?? 0 : 0,
    code: (e as any)?.code ?? (e as Error)?.name,
    armMessage:
      message === undefined ? undefined : scrubSecrets(message, secrets),
    clientRequestId,
  });
}

/** The `ArmError` of a failed sign-in: the credential's own code and first line, never the secret. */
export function armErrorFromSignIn(e: unknown): ArmError {
  const err = e as any;
  return new ArmError({
    operation: 'sign-in (Microsoft Entra token for ARM)',
    status: typeof err?.statusCode === 'number' ? err.statusCode : 0,
    code: err?.errorResponse?.error ?? err?.name,
    // Identity errors carry AADSTS codes and docs links, never the secret; keep line one.
    armMessage: String(
      err?.errorResponse?.errorDescription ?? err?.message ?? e,
    ).split('\n')[0],
  });
}

/** A response body as JSON; `undefined` when there is none or it is not JSON. */
export function parseArmBody(text: string | null | undefined): any {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
