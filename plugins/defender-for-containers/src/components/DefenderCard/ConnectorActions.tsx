import RefreshIcon from '@material-ui/icons/Refresh';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import {
  ButtonIcon,
  ButtonLink,
  Flex,
  Tooltip,
  TooltipTrigger,
} from '@backstage/ui';
import type { ConnectorHealth } from '@defender-backstage/plugin-defender-for-containers-common';
import type { ConnectorRefresh } from '../../hooks/useConnectorRefresh';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';

/**
 * A connector's actions, as icon buttons like the About card's: Refresh (for whoever may) and
 * the Azure portal. In the card's header when it shows one connector, beside each connector's
 * name when it shows several (`describedBy` then names which one).
 */
export function ConnectorActions(props: {
  connector: ConnectorHealth;
  refresh?: ConnectorRefresh;
  describedBy?: string;
}) {
  const { t } = useDefenderTranslation();
  const { connector, refresh, describedBy } = props;
  const busy =
    refresh?.state.phase === 'requesting' || refresh?.state.phase === 'waiting';
  return (
    <Flex align="center" gap="1">
      {refresh && (
        <TooltipTrigger>
          <ButtonIcon
            variant="tertiary"
            icon={<RefreshIcon fontSize="small" />}
            aria-label={t('actions.refresh')}
            aria-describedby={describedBy}
            isPending={busy}
            onPress={() => refresh.refresh()}
          />
          <Tooltip>{t('actions.refresh')}</Tooltip>
        </TooltipTrigger>
      )}
      <TooltipTrigger>
        <ButtonLink
          variant="tertiary"
          href={connector.portalUrl}
          target="_blank"
          rel="noopener noreferrer"
          iconStart={<OpenInNewIcon fontSize="small" />}
          aria-label={t('actions.openInPortal')}
          aria-describedby={describedBy}
        />
        <Tooltip>{t('actions.openInPortal')}</Tooltip>
      </TooltipTrigger>
    </Flex>
  );
}
