import type { SeverityCounts } from '@defender-backstage/plugin-defender-for-containers-common';

export const zeroCounts = (): SeverityCounts => ({
  critical: 0,
  high: 0,
  medium: 0,
  low: 0,
});

export function sumCounts(counts: SeverityCounts[]): SeverityCounts {
  const total = zeroCounts();
  for (const c of counts) {
    total.critical += c.critical;
    total.high += c.high;
    total.medium += c.medium;
    total.low += c.low;
  }
  return total;
}

/** Defender's severity names (`Critical`, `High`, …) to our keys; anything else is not counted. */
export function severityKey(
  severity: string,
): keyof SeverityCounts | undefined {
  const k = severity.toLowerCase();
  return k === 'critical' || k === 'high' || k === 'medium' || k === 'low'
    ? k
    : undefined;
}
