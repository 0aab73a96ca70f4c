import { useCallback } from 'react';
import { useAppSearchParams } from '@backstage/frontend-plugin-api';

/** The query parameter of the "Include child groups" switch. */
export const ROLLUP_CHILDREN_PARAM = 'rollupChildren';

/**
 * Whether a Group's roll-up includes its child groups, kept in the page's URL
 * (`?rollupChildren=1`): a reload keeps it, and a team lead can send the link of the whole
 * department's roll-up. Other query parameters of the entity page are left alone, and the
 * switch replaces the history entry: Back leaves the page instead of flipping a card.
 * Works in both frontend systems (`useAppSearchParams` falls back to React Router).
 */
export function useRollupChildren(): [boolean, (children: boolean) => void] {
  const [params, setParams] = useAppSearchParams();
  const children = params.get(ROLLUP_CHILDREN_PARAM) === '1';
  const setChildren = useCallback(
    (next: boolean) =>
      setParams(
        previous => {
          const updated = new URLSearchParams(previous);
          if (next) updated.set(ROLLUP_CHILDREN_PARAM, '1');
          else updated.delete(ROLLUP_CHILDREN_PARAM);
          return updated;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [children, setChildren];
}
