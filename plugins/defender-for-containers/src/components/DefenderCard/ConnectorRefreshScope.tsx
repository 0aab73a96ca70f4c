import { useEffect, useState, type ReactNode } from 'react';
import { useSignal } from '@backstage/plugin-signals-react';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import {
  CONNECTOR_SIGNAL_CHANNEL,
  type ConnectorHealth,
  type EntityDefenderResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';
import {
  useConnectorRefresh,
  type ConnectorRefresh,
  type ConnectorSignals,
} from '../../hooks/useConnectorRefresh';

/** Listens on the connectors' signals channel and reports what `useSignal` sees. */
function ConnectorSignalListener(props: {
  onChange: (signals: ConnectorSignals) => void;
}) {
  const { onChange } = props;
  const { lastSignal, isSignalsAvailable } = useSignal(
    CONNECTOR_SIGNAL_CHANNEL,
  );
  useEffect(
    () => onChange({ lastSignal, isSignalsAvailable }),
    [onChange, lastSignal, isSignalsAvailable],
  );
  return null;
}

/**
 * A connector's refresh for whoever may refresh it, handed to `children` (`undefined` for
 * everyone else). Only then does the card subscribe to the signals channel, and it does so from
 * the start rather than from the click: a refresh can land before a subscription made after the
 * 202 reaches the backend. The children keep their place in the tree either way, so a permission
 * answer arriving late does not reset what the reader opened.
 */
export function ConnectorRefreshScope(props: {
  enabled: boolean;
  entityRef: CompoundEntityRef;
  connector: ConnectorHealth;
  onResponse: (response: EntityDefenderResponse) => void;
  children: (refresh: ConnectorRefresh | undefined) => ReactNode;
}) {
  const [signals, setSignals] = useState<ConnectorSignals>();
  const refresh = useConnectorRefresh({
    entityRef: props.entityRef,
    connectorId: props.connector.id,
    onResponse: props.onResponse,
    signals,
  });
  return (
    <>
      {props.enabled && <ConnectorSignalListener onChange={setSignals} />}
      {props.children(props.enabled ? refresh : undefined)}
    </>
  );
}
