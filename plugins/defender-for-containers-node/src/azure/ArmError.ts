import { CustomErrorBase } from '@backstage/errors';

/**
 * A failed Azure Resource Manager call. Carries what support needs (status, ARM's error code and
 * message, the three request ids) and nothing else: never a request body, never a token.
 * @public
 */
export class ArmError extends CustomErrorBase {
  name = 'ArmError' as const;
  /** HTTP status, or 0 when no response arrived (reset, timeout, DNS). */
  readonly status: number;
  /** ARM `error.code`, e.g. `AuthorizationFailed`, or the network error code. */
  readonly code?: string;
  /** ARM `error.message` as the service sent it. */
  readonly armMessage?: string;
  readonly requestId?: string;
  readonly correlationRequestId?: string;
  readonly clientRequestId?: string;
  /** What the call was, e.g. `PUT securityConnectors/dockerhub-acme`. */
  readonly operation: string;

  constructor(details: {
    operation: string;
    status: number;
    code?: string;
    armMessage?: string;
    requestId?: string;
    correlationRequestId?: string;
    clientRequestId?: string;
  }) {
    const ids = [
      details.requestId && `x-ms-request-id ${details.requestId}`,
      details.correlationRequestId &&
        `x-ms-correlation-request-id ${details.correlationRequestId}`,
      details.clientRequestId &&
        `x-ms-client-request-id ${details.clientRequestId}`,
    ].filter(Boolean);
    const what = details.status
      ? `${details.status}${details.code ? ` ${details.code}` : ''}`
      : `no response${details.code ? ` (${details.code})` : ''}`;
    super(
      `Azure ${details.operation} failed: ${what}${
        details.armMessage ? `: ${details.armMessage}` : ''
      }${ids.length ? ` [${ids.join(', ')}]` : ''}`,
    );
    this.operation = details.operation;
    this.status = details.status;
    this.code = details.code;
    this.armMessage = details.armMessage;
    this.requestId = details.requestId;
    this.correlationRequestId = details.correlationRequestId;
    this.clientRequestId = details.clientRequestId;
  }
}
