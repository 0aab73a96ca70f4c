import { Text } from '@backstage/ui';
import type { ConnectorRefresh } from '../../hooks/useConnectorRefresh';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { useDefenderPalette } from '../theme/defenderPalette';

/**
 * What a refresh is doing, in a live region that is there from the first render: one inserted
 * together with its first message may not be announced.
 */
export function RefreshStatus(props: { refresh: ConnectorRefresh }) {
  const { t } = useDefenderTranslation();
  const palette = useDefenderPalette();
  const { state } = props.refresh;
  let note = '';
  if (state.phase === 'requesting') note = t('actions.requesting');
  if (state.phase === 'waiting') note = t('actions.waiting');
  if (state.phase === 'done') note = t('actions.done');
  if (state.phase === 'timedOut') note = t('actions.timedOut');
  if (state.phase === 'failed') {
    note = t('actions.failed', { message: state.message });
  }
  return (
    <div role="status" aria-live="polite">
      {note && (
        <Text
          as="p"
          variant="body-small"
          style={{
            color:
              state.phase === 'failed'
                ? palette.status.error.text
                : palette.secondaryText,
          }}
        >
          {note}
        </Text>
      )}
    </div>
  );
}
