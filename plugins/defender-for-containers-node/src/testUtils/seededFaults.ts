import type { FaultSpec } from '@defender-backstage/azure-dockerhub-emulator';

/**
 * The seeded fault plans of the stress suites: the same seed gives the same sequence of faults,
 * so a failure reproduces with `FAULT_SEED=<seed printed by the failing run>`.
 */
/** @public */
export const FAULT_SEED = Number(process.env.FAULT_SEED ?? 20260110);

/**
 * mulberry32: small, fast and good enough to spread cases; not for anything secret.
 * @public
 */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) =>
      min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T =>
      items[Math.floor(next() * items.length)],
  };
}

/** @public */
export type FaultName =
  | '429 + Retry-After'
  | '429'
  | '409'
  | '503'
  | '504'
  | 'reset'
  | 'latency'
  | 'staleEtag';

/** @public */
export const FAULT_NAMES: readonly FaultName[] = [
  '429 + Retry-After',
  '429',
  '409',
  '503',
  '504',
  'reset',
  'latency',
  'staleEtag',
];

/**
 * The emulator fault of a name; `times` undefined = until removed (every retry fails too).
 * @public
 */
export function faultSpec(
  name: FaultName,
  route: string,
  times: number | undefined,
  latencyMs: number,
): FaultSpec {
  const base = { route, ...(times === undefined ? {} : { times }) };
  switch (name) {
    case '429 + Retry-After':
      return { ...base, kind: 'status', status: 429, retryAfterSeconds: 1 };
    case '429':
      return { ...base, kind: 'status', status: 429 };
    case '409':
      return { ...base, kind: 'status', status: 409 };
    case '503':
      return { ...base, kind: 'status', status: 503 };
    case '504':
      return { ...base, kind: 'status', status: 504 };
    case 'reset':
      return { ...base, kind: 'reset' };
    case 'latency':
      return { ...base, kind: 'latency', latencyMs };
    case 'staleEtag':
      return { ...base, kind: 'staleEtag' };
    default:
      throw new Error(`unknown fault ${name}`);
  }
}

/**
 * Tally of named things, printed as `name: count` lines.
 * @public
 */
export class Tally {
  readonly counts = new Map<string, number>();
  add(name: string, n = 1) {
    this.counts.set(name, (this.counts.get(name) ?? 0) + n);
  }
  get(name: string) {
    return this.counts.get(name) ?? 0;
  }
  get total() {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }
  format(indent = '  ') {
    return [...this.counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${indent}${k}: ${v}`)
      .join('\n');
  }
}

/**
 * What a user must never see in a task log or an error: a stack frame, `at fn (file:1:2)` or
 * `at file:1:2`.
 * @public
 */
export const STACK_FRAME = /\n\s+at .+:\d+:\d+/;
