import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import {
  isConnectorHealth,
  type ConnectorHealth,
  type ConnectorSignal,
  type EntityDefenderResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { defenderApiRef } from '../api/DefenderApi';
import { describeError } from '../components/format/describeError';

/** Polling after an accepted refresh, when the app has no signals: every 2 s, for a minute. */
export const REFRESH_POLL_INTERVAL_MS = 2_000;
export const REFRESH_POLL_ATTEMPTS = 30;

export type ConnectorRefreshState =
  | { phase: 'idle' }
  | { phase: 'requesting' }
  | { phase: 'waiting'; requestedAt: string }
  | { phase: 'done' }
  | { phase: 'timedOut' }
  | { phase: 'failed'; message: string; status?: number };

/** What `useSignal` reports about `CONNECTOR_SIGNAL_CHANNEL` (none: the app has no signals). */
export interface ConnectorSignals {
  lastSignal: unknown;
  isSignalsAvailable: boolean;
}

const NO_SIGNALS: ConnectorSignals = {
  lastSignal: null,
  isSignalsAvailable: false,
};

/** What a refresh button and its status line need. */
export interface ConnectorRefresh {
  state: ConnectorRefreshState;
  refresh: () => Promise<void>;
}

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

/** A signal that this connector was written at or after `requestedAt`. */
function announcesRefresh(
  message: unknown,
  connectorId: string,
  requestedAt: string,
): boolean {
  const signal = message as Partial<ConnectorSignal> | null;
  return (
    signal?.type === 'connectorRefreshed' &&
    typeof signal.connectorId === 'string' &&
    signal.connectorId.toLowerCase() === connectorId.toLowerCase() &&
    typeof signal.refreshedAt === 'string' &&
    Date.parse(signal.refreshedAt) >= Date.parse(requestedAt)
  );
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts (no timer outlives the card). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * Asks the backend to refresh one connector now, then waits for it to land and hands the fresh
 * answer to `onResponse`. With signals installed it reloads the entity once the backend announces
 * the connector on `CONNECTOR_SIGNAL_CHANNEL` (and checks once more after the polling bound, in
 * case the announcement was lost: `useSignal` keeps only the latest message of the channel);
 * without them it polls, bounded. Unmounting aborts either.
 */
export function useConnectorRefresh(options: {
  entityRef: CompoundEntityRef;
  connectorId: string;
  onResponse: (response: EntityDefenderResponse) => void;
  /** From a `ConnectorSignalListener`; without it the hook polls. */
  signals?: ConnectorSignals;
  intervalMs?: number;
  attempts?: number;
}): ConnectorRefresh {
  const {
    entityRef,
    connectorId,
    onResponse,
    signals = NO_SIGNALS,
    intervalMs = REFRESH_POLL_INTERVAL_MS,
    attempts = REFRESH_POLL_ATTEMPTS,
  } = options;
  const api = useApi(defenderApiRef);
  const { lastSignal, isSignalsAvailable } = signals;
  const [state, setState] = useState<ConnectorRefreshState>({
    phase: 'idle',
  });
  const run = useRef<AbortController>();
  useEffect(() => () => run.current?.abort(), []);

  /** One read of the entity; true (and the answer handed over) when the refresh landed. */
  const landed = useCallback(
    async (requestedAt: string, controller: AbortController) => {
      let response: EntityDefenderResponse;
      try {
        response = await api.getEntityDefender(entityRef);
      } catch {
        return false; // a blip while waiting is no reason to give up
      }
      if (controller.signal.aborted) return false;
      const connector = response.connectors.find(
        (c): c is ConnectorHealth =>
          isConnectorHealth(c) &&
          c.id.toLowerCase() === connectorId.toLowerCase(),
      );
      if (!refreshLanded(connector, requestedAt)) return false;
      controller.abort(); // ends the wait below, and any check still running
      onResponse(response);
      setState({ phase: 'done' });
      return true;
    },
    [api, entityRef, connectorId, onResponse],
  );

  const refresh = useCallback(async () => {
    run.current?.abort();
    const controller = new AbortController();
    run.current = controller;
    setState({ phase: 'requesting' });
    let requestedAt: string;
    try {
      ({ requestedAt } = await api.refreshConnector(connectorId));
    } catch (e) {
      if (!controller.signal.aborted) {
        setState({ phase: 'failed', ...describeError(e) });
      }
      return;
    }
    if (controller.signal.aborted) return;
    setState({ phase: 'waiting', requestedAt });
    try {
      if (isSignalsAvailable) {
        await sleep(intervalMs * attempts, controller.signal);
        if (await landed(requestedAt, controller)) return;
      } else {
        for (let i = 0; i < attempts; i++) {
          await sleep(intervalMs, controller.signal);
          if (await landed(requestedAt, controller)) return;
        }
      }
    } catch {
      return; // aborted: landed through a signal, refreshed again, or unmounted
    }
    if (!controller.signal.aborted) setState({ phase: 'timedOut' });
  }, [api, connectorId, isSignalsAvailable, intervalMs, attempts, landed]);

  const waitingFor = state.phase === 'waiting' ? state.requestedAt : undefined;
  useEffect(() => {
    const controller = run.current;
    if (!waitingFor || !controller || controller.signal.aborted) return;
    if (!announcesRefresh(lastSignal, connectorId, waitingFor)) return;
    (async () => {
      if (await landed(waitingFor, controller)) return;
      // Announced but not served yet (another replica's few seconds of cache): one more look.
      await sleep(intervalMs * 3, controller.signal).catch(() => undefined);
      if (!controller.signal.aborted) await landed(waitingFor, controller);
    })();
  }, [lastSignal, waitingFor, connectorId, landed, intervalMs]);

  return { state, refresh };
}
