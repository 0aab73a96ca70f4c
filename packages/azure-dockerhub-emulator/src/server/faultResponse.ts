import type { FaultSpec } from '../faults/FaultInjector';
import { armFaultResponse } from './armFaultResponse';
import { RequestContext, send } from './RequestContext';

const STATUS_TEXT: Record<number, string> = {
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad Gateway',
  503: 'Service unavailable',
  504: 'Gateway Timeout',
};

/** What a gateway in front of Docker Hub answers when the service behind it fails: HTML, not JSON. */
function gatewayPage(
  ctx: RequestContext,
  status: number,
  headers: Record<string, string>,
) {
  const title = `${status} ${STATUS_TEXT[status]}`;
  return send(
    ctx,
    status,
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`,
    { 'Content-Type': 'text/html', ...headers },
  );
}

/** A status fault answered in the error shape of the surface it hits. */
export function faultResponse(ctx: RequestContext, fault: FaultSpec) {
  const status = fault.status ?? 503;
  const headers: Record<string, string> =
    fault.retryAfterSeconds !== undefined
      ? { 'Retry-After': String(fault.retryAfterSeconds) }
      : {};
  const text = STATUS_TEXT[status];
  switch (ctx.surface) {
    case 'arm':
      return armFaultResponse(ctx, fault, status, headers, text);
    case 'entra':
      return send(
        ctx,
        status,
        status >= 500 || status === 429
          ? {
              error: 'temporarily_unavailable',
              error_description: `${text}. Please retry the request.`,
            }
          : { error: 'invalid_request', error_description: `${text}.` },
        headers,
      );
    case 'hub':
      if (status === 502 || status === 504)
        return gatewayPage(ctx, status, headers);
      if (status === 429)
        return send(
          ctx,
          status,
          { detail: 'Rate limit exceeded', error: false },
          headers,
        );
      if (status === 404)
        return send(
          ctx,
          status,
          { detail: 'object not found', message: 'object not found' },
          headers,
        );
      return send(ctx, status, { detail: text, message: text }, headers);
    default:
      if (status === 502 || status === 504)
        return gatewayPage(ctx, status, headers);
      return send(ctx, status, { details: text }, headers);
  }
}
