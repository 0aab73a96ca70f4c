import type { RequestContext } from '../server/RequestContext';

/** The request-id headers ARM sets on every answer, echoing the client's ids where it sent them. */
export function armHeaders(ctx: RequestContext) {
  const requestId = ctx.core.random.uuid();
  const incoming = ctx.req.headers;
  ctx.headers['x-ms-request-id'] = requestId;
  ctx.headers['x-ms-correlation-request-id'] =
    String(incoming['x-ms-correlation-request-id'] ?? '') || requestId;
  ctx.headers['x-ms-routing-request-id'] = `WESTEUROPE:${requestId}`;
  if (incoming['x-ms-client-request-id']) {
    ctx.headers['x-ms-client-request-id'] = String(
      incoming['x-ms-client-request-id'],
    );
  }
}
