import type { SpecRegistry } from './SpecRegistry';

/** A response as seen on the wire. */
export interface ObservedResponse {
  status: number;
  /** `Content-Type` header, if any. */
  contentType?: string;
  text: string;
  /** The parsed body; undefined when it is not JSON. */
  json: unknown;
}

// Statuses the Hub spec documents globally (rate-limiting and authentication sections, the
// shared `bad_request` response) rather than on every operation.
const HUB_GLOBAL_STATUSES = new Set([400, 401, 429, 500, 503]);
// The gateway in front of Docker Hub and its registry token service answers these itself, with an
// HTML page: no spec of the services (theirs or ours) describes it.
const GATEWAY_STATUSES = new Set([502, 504]);

/**
 * What is wrong with a response, by the schemas of its route: an official spec's operation or,
 * for routes no shipped spec describes, ours (ownSchemas.ts). A route neither knows may only
 * answer 404 (the emulator's "not emulated").
 */
export function responseViolations(
  specs: SpecRegistry,
  method: string,
  pathname: string,
  response: ObservedResponse,
): string[] {
  const route = specs.responseRoute(method, pathname);
  if (!route) {
    return response.status === 404
      ? []
      : [`no schema, official or ours, describes ${method} ${pathname}`];
  }
  if (
    GATEWAY_STATUSES.has(response.status) &&
    (pathname.startsWith('/v2/') || pathname === '/token') &&
    (response.contentType ?? '').startsWith('text/html')
  ) {
    return response.text.startsWith('<html>')
      ? []
      : ['a gateway error page must be HTML'];
  }
  if (
    route.source === 'dockerhub' &&
    HUB_GLOBAL_STATUSES.has(response.status) &&
    !specs.documentedStatuses(route.id).includes(String(response.status))
  ) {
    return [];
  }
  const against = route.origin === 'ours' ? 'our schema' : 'the official spec';
  return specs
    .validateResponse(route.id, response.status, response.json)
    .map(i => `${route.id} (${against}): ${i.name || '(root)'} ${i.message}`);
}
