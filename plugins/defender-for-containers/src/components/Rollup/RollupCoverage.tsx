import { Alert, Text } from '@backstage/ui';
import type { EntityRollupResponse } from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';

/** The backend setting that caps the components a roll-up reads (`componentsTruncated`). */
export const MAX_COMPONENTS_KEY =
  'defenderForContainers.health.rollup.maxComponents';

/** How many components have Defender annotations, and whether the numbers cover them all. */
export function RollupCoverage(props: { rollup: EntityRollupResponse }) {
  const { t } = useDefenderTranslation();
  const { rollup } = props;
  return (
    <>
      <Text as="p" variant="body-medium" data-testid="rollup-coverage">
        {t('rollup.annotatedOf', {
          annotated: String(rollup.components.length),
          count: rollup.componentCount,
        })}
        {rollup.includesChildGroups && <> {t('rollup.withChildGroups')}</>}
      </Text>
      {rollup.componentsTruncated && (
        <Alert
          status="warning"
          icon
          data-testid="rollup-truncated"
          style={{ marginTop: 8 }}
          title={t('rollup.truncated', {
            key: <code>{MAX_COMPONENTS_KEY}</code>,
          })}
        />
      )}
    </>
  );
}
