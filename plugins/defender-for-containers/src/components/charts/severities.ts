import type { SeverityCounts } from '@defender-backstage/plugin-defender-for-containers-common';
import type { DefenderT } from '../../translation/useDefenderTranslation';

/** Most severe first, as Defender ranks them. */
export const SEVERITIES: Array<keyof SeverityCounts> = [
  'critical',
  'high',
  'medium',
  'low',
];

export const totalOf = (c: SeverityCounts) =>
  c.critical + c.high + c.medium + c.low;

/** "Critical", "High", … in the reader's language. */
export const severityLabel = (t: DefenderT, severity: keyof SeverityCounts) =>
  t(`severity.${severity}`);

/** "1 critical, 3 high, 7 medium, 12 low" (zero counts left out), or "no findings". */
export function describeCounts(c: SeverityCounts, t: DefenderT): string {
  const parts = SEVERITIES.filter(s => c[s] > 0).map(s =>
    t(`severity.${s}Count`, { count: c[s] }),
  );
  return parts.length ? parts.join(', ') : t('severity.none');
}
