import { Alert, Flex, Skeleton, Text } from '@backstage/ui';
import { useApi } from '@backstage/frontend-plugin-api';
import { CONNECTOR_TAG_OWNER } from '@defender-backstage/plugin-defender-for-containers-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { defenderApiRef } from '../../api/DefenderApi';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { totalOf } from '../charts/severities';
import { OverviewError } from '../ConnectorsOverview/OverviewError';
import { describeError } from '../format/describeError';
import { MAX_COMPONENTS_KEY } from '../Rollup/RollupCoverage';
import { OwnerSection } from './OwnerSection';

/**
 * The overview's "By owner" view: per owner (the connectors' `backstage-owner` tag), its
 * connectors with status and totals and the catalog components that use each, from
 * `GET /connectors/rollup`. It loads itself; errors read as on the overview's list, with Retry.
 */
export function OwnerRollupView() {
  const { t } = useDefenderTranslation();
  const api = useApi(defenderApiRef);
  const load = useAsyncRetry(() => api.getOwnerRollup(), [api]);

  if (load.error && !load.loading) {
    return (
      <OverviewError error={describeError(load.error)} onRetry={load.retry} />
    );
  }
  if (!load.value) {
    return (
      <Flex
        direction="column"
        gap="2"
        aria-label={t('rollup.ownerLoading')}
        role="status"
      >
        {[0, 1, 2].map(i => (
          <Skeleton key={i} width="100%" height={40} />
        ))}
      </Flex>
    );
  }
  const { items } = load.value;
  if (items.length === 0) {
    return <Text as="p">{t('rollup.ownerEmpty')}</Text>;
  }
  const max = Math.max(1, ...items.map(o => totalOf(o.totals)));
  return (
    <div aria-busy={load.loading}>
      <Text as="p" variant="body-medium">
        {t('rollup.ownerIntro', { tag: <code>{CONNECTOR_TAG_OWNER}</code> })}
      </Text>
      {load.value.truncated && (
        <Alert
          status="warning"
          icon
          style={{ marginTop: 8, marginBottom: 8 }}
          title={t('rollup.ownerTruncated', {
            key: <code>{MAX_COMPONENTS_KEY}</code>,
          })}
        />
      )}
      {items.map(o => (
        <OwnerSection key={o.owner ?? ''} rollup={o} max={max} />
      ))}
    </div>
  );
}
