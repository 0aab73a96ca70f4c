import { RequestContext } from '../server/RequestContext';
import {
  decodeSkipToken,
  encodeSkipToken,
  listingSnapshot,
} from '../util/listingSnapshots';

/**
 * One page of an ARM list. `nextLink` is absolute and already carries the api-version
 * (clients send it as-is, without adding the api-version again). The skip token is opaque to clients; the next
 * pages come from the listing the first page saw.
 */
export function armPage<T>(
  ctx: RequestContext,
  items: T[] | (() => T[]),
  pageSize: number,
) {
  const { offset, snapshotId } = decodeSkipToken(ctx.query.get('$skipToken'));
  const listing = listingSnapshot(
    ctx.core.state,
    snapshotId,
    typeof items === 'function' ? items : () => items,
    `${ctx.headers.authorization ?? ''} ${ctx.path}`,
  );
  const value = listing.items.slice(offset, offset + pageSize);
  const result: { value: T[]; nextLink?: string } = { value };
  if (offset + pageSize < listing.items.length) {
    const next = new URL(ctx.core.url + ctx.path);
    next.searchParams.set('api-version', ctx.query.get('api-version') ?? '');
    next.searchParams.set(
      '$skipToken',
      encodeSkipToken(listing.id, offset + pageSize),
    );
    result.nextLink = next.toString();
  }
  return result;
}
