import { useMemo, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { defenderApiRef } from '../../api/DefenderApi';
import { findingsRequest, type FindingsQuery } from './useFindingsQuery';

/**
 * One page of the entity's findings for the query, and the cursors to move between pages. The
 * cursors of the pages before this one are a stack (Previous pops it, Next pushes the page's
 * `nextCursor`); it belongs to one query: any other filter, search, sort or page size starts at
 * the first page, whatever changed it (a control, Back, a late debounced search).
 */
export function useFindingsPage(
  entityRef: CompoundEntityRef,
  query: FindingsQuery,
) {
  const api = useApi(defenderApiRef);
  const request = useMemo(() => findingsRequest(query), [query]);
  const view = JSON.stringify(request);
  const [paging, setPaging] = useState({ view, cursors: [] as string[] });
  // Adjusted while rendering rather than in an effect: no request is sent with another view's cursor.
  const cursors = paging.view === view ? paging.cursors : [];
  if (paging.view !== view) setPaging({ view, cursors });
  const cursor = cursors[cursors.length - 1];

  const load = useAsyncRetry(
    () =>
      api.getEntityFindings(
        entityRef,
        cursor ? { ...request, cursor } : request,
      ),
    [api, entityRef, request, cursor],
  );
  const nextCursor = load.loading ? undefined : load.value?.nextCursor;
  return {
    load,
    /** How many pages lie before this one. */
    pageIndex: cursors.length,
    /** A page past the first is on screen (or asked for). */
    paged: cursors.length > 0,
    next: nextCursor
      ? () => setPaging({ view, cursors: [...cursors, nextCursor] })
      : undefined,
    previous: () => setPaging({ view, cursors: cursors.slice(0, -1) }),
    first: () => setPaging({ view, cursors: [] }),
  };
}
