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

/** Open findings of every severity. */
export const totalOf = (c: SeverityCounts): number =>
  c.critical + c.high + c.medium + c.low;
