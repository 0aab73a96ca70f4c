import { Text } from '@backstage/ui';
import type { EntityRollupResponse } from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { SeverityBars } from '../charts/SeverityBars';
import { useTimeFormat } from '../format/useTimeFormat';
import { SecondaryText } from '../theme/SecondaryText';
import { RollupSection } from './RollupSection';

/**
 * The totals over the distinct images of all components (an image two components share counts
 * once, so they are not the sum of the rows below), how many a new version fixes, and how fresh
 * the data is.
 */
export function RollupTotals(props: { rollup: EntityRollupResponse }) {
  const { t } = useDefenderTranslation();
  const time = useTimeFormat();
  const { rollup } = props;
  return (
    <RollupSection title={t('rollup.totals')}>
      <SeverityBars counts={rollup.totals} />
      <Text
        as="p"
        variant="body-medium"
        weight="bold"
        style={{ marginTop: 8 }}
        data-testid="rollup-fixable"
      >
        {t('rollup.fixable', { count: rollup.fixable })}
      </Text>
      {rollup.refreshedAt && (
        <SecondaryText as="p" variant="body-small">
          <span title={time.absolute(rollup.refreshedAt)}>
            {t('rollup.refreshed', { time: time.relative(rollup.refreshedAt) })}
          </span>
        </SecondaryText>
      )}
    </RollupSection>
  );
}
