import { RequestContext } from '../server/RequestContext';

/**
 * One page of an ARM list. `nextLink` is absolute and already carries the api-version
 * (reference/azure §5.2: clients send it as-is). The skip token is opaque to clients.
 */
export function armPage<T>(ctx: RequestContext, items: T[], pageSize: number) {
  const token = ctx.query.get('$skipToken');
  let offset = 0;
  if (token) {
    const decoded = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    offset = decoded ? Number(decoded[1]) : 0;
  }
  const value = items.slice(offset, offset + pageSize);
  const result: { value: T[]; nextLink?: string } = { value };
  if (offset + pageSize < items.length) {
    const next = new URL(ctx.core.url + ctx.path);
    next.searchParams.set('api-version', ctx.query.get('api-version') ?? '');
    next.searchParams.set(
      '$skipToken',
      Buffer.from(`offset:${offset + pageSize}`).toString('base64url'),
    );
    result.nextLink = next.toString();
  }
  return result;
}
