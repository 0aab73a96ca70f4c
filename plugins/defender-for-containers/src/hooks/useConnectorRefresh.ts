import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import {
  isConnectorHealth,
  type ConnectorHealth,
  type EntityDefenderResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { defenderApiRef } from '../api/DefenderApi';
import { describeError } from '../components/format/describeError';

/** Polling after an accepted refresh: every 2 s, for at most a minute. */
export const REFRESH_POLL_INTERVAL_MS = 2_000;
export const REFRESH_POLL_ATTEMPTS = 30;

export type ConnectorRefreshState =
  | { phase: 'idle' }
  | { phase: 'requesting' }
  | { phase: 'waiting'; requestedAt: string }
  | { phase: 'done' }
  | { phase: 'timedOut' }
  | { phase: 'failed'; message: string; status?: number };

/**
 * Has the refresh requested at `requestedAt` landed for this connector? The backend answers 202
 * and reads Azure in the background: it landed once the connector was read at or after the
 * request, or, when that read failed, once it was marked stale at or after it.
 */
export function refreshLanded(
  connector: ConnectorHealth | undefined,
  requestedAt: string,
): boolean {
  if (!connector) return false;
  const at = Date.parse(requestedAt);
  return (
    Date.parse(connector.refreshedAt) >= at ||
    (connector.staleSince !== undefined &&
      Date.parse(connector.staleSince) >= at)
  );
}

/**
 * Asks the backend to refresh one connector now, then polls the entity (bounded) until the
 * refresh landed, handing each fresh answer to `onResponse`.
 */
export function useConnectorRefresh(options: {
  entityRef: CompoundEntityRef;
  connectorId: string;
  onResponse: (response: EntityDefenderResponse) => void;
  intervalMs?: number;
  attempts?: number;
}) {
  const {
    entityRef,
    connectorId,
    onResponse,
    intervalMs = REFRESH_POLL_INTERVAL_MS,
    attempts = REFRESH_POLL_ATTEMPTS,
  } = options;
  const api = useApi(defenderApiRef);
  const [state, setState] = useState<ConnectorRefreshState>({
    phase: 'idle',
  });
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const refresh = useCallback(async () => {
    setState({ phase: 'requesting' });
    let requestedAt: string;
    try {
      ({ requestedAt } = await api.refreshConnector(connectorId));
    } catch (e) {
      if (alive.current) setState({ phase: 'failed', ...describeError(e) });
      return;
    }
    if (!alive.current) return;
    setState({ phase: 'waiting', requestedAt });
    for (let i = 0; i < attempts; i++) {
      await new Promise(resolve => setTimeout(resolve, intervalMs));
      if (!alive.current) return;
      let response: EntityDefenderResponse;
      try {
        response = await api.getEntityDefender(entityRef);
      } catch {
        continue; // a blip while polling is no reason to give up
      }
      if (!alive.current) return;
      const connector = response.connectors.find(
        (c): c is ConnectorHealth =>
          isConnectorHealth(c) &&
          c.id.toLowerCase() === connectorId.toLowerCase(),
      );
      if (refreshLanded(connector, requestedAt)) {
        onResponse(response);
        setState({ phase: 'done' });
        return;
      }
    }
    if (alive.current) setState({ phase: 'timedOut' });
  }, [api, connectorId, entityRef, onResponse, intervalMs, attempts]);

  return { state, refresh };
}
