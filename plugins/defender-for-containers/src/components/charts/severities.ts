import type { SeverityCounts } from '@defender-backstage/plugin-defender-for-containers-common';

/** Most severe first, as Defender ranks them. */
export const SEVERITIES: Array<{
  key: keyof SeverityCounts;
  label: string;
  color: string;
}> = [
  // Darker than Backstage's status colours so white-on-bar and bar-on-white both read; the
  // count and label are always written next to the bar, so colour is never the only carrier.
  { key: 'critical', label: 'Critical', color: '#9e1c1c' },
  { key: 'high', label: 'High', color: '#d0471b' },
  { key: 'medium', label: 'Medium', color: '#c78a00' },
  { key: 'low', label: 'Low', color: '#5c7a99' },
];

export const totalOf = (c: SeverityCounts) =>
  c.critical + c.high + c.medium + c.low;

/** "1 critical, 3 high, 7 medium, 12 low" (zero counts left out), or "no findings". */
export function describeCounts(c: SeverityCounts): string {
  const parts = SEVERITIES.filter(s => c[s.key] > 0).map(
    s => `${c[s.key]} ${s.label.toLowerCase()}`,
  );
  return parts.length ? parts.join(', ') : 'no findings';
}
