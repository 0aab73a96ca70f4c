import type { FindingSeverity } from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { useDefenderPalette } from '../theme/defenderPalette';

/** `Critical` → `critical`: the key of the palette's colours and of the severity words. */
export const severityKey = (severity: FindingSeverity) =>
  severity.toLowerCase() as Lowercase<FindingSeverity>;

/**
 * A severity as its word in the palette's colour for it (4.5:1 on the card): the word says it,
 * the colour only helps the eye, so it is never colour alone.
 */
export function SeverityLabel(props: { severity: FindingSeverity }) {
  const { t } = useDefenderTranslation();
  const palette = useDefenderPalette();
  const key = severityKey(props.severity);
  return (
    <span
      data-severity={props.severity}
      style={{
        color: palette.severity[key].text,
        fontWeight: 'var(--bui-font-weight-bold, 600)' as any,
        whiteSpace: 'nowrap',
      }}
    >
      {t(`severity.${key}`)}
    </span>
  );
}
