import type { EntityFindingsResponse } from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { SEVERITIES } from '../charts/severities';
import { useDefenderPalette } from '../theme/defenderPalette';

/**
 * What the filters choose from: every open finding of the entity, per severity, and how many have
 * a fix. A list, so a screen reader says how many parts there are.
 */
export function FindingsCounts(props: {
  counts: EntityFindingsResponse['counts'];
}) {
  const { t } = useDefenderTranslation();
  const palette = useDefenderPalette();
  const { counts } = props;
  const item = { display: 'inline', marginRight: 'var(--bui-space-4, 16px)' };
  return (
    <ul
      aria-label={t('findingsTab.countsLabel')}
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        fontSize: 'var(--bui-font-size-3, 0.875rem)',
        fontVariantNumeric: 'tabular-nums',
      }}
    >
      <li
        style={{
          ...item,
          fontWeight: 'var(--bui-font-weight-bold, 600)' as any,
        }}
      >
        {t('findingsTab.total', { count: counts.total })}
      </li>
      {SEVERITIES.map(s => (
        <li key={s} style={{ ...item, color: palette.severity[s].text }}>
          {t(`severity.${s}Count`, { count: counts[s] })}
        </li>
      ))}
      <li style={item}>
        {t('findingsTab.fixable', { count: counts.fixable })}
      </li>
    </ul>
  );
}
