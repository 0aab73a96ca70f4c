import { randomUUID } from 'node:crypto';
import type { EmulatorState } from '../state/EmulatorState';

/**
 * What a list's first page saw, kept for its next pages: ARM and Resource Graph continuation
 * tokens page through one listing, and recomputing the whole listing for every page made
 * thousands of connectors quadratic in the emulator (the client's cost is what the benchmarks
 * measure). Per loaded scenario (a WeakMap on its state); the newest 32 listings are kept, an
 * unknown snapshot recomputes.
 */
const MAX_SNAPSHOTS = 32;
const snapshots = new WeakMap<
  EmulatorState,
  Map<string, { key: string; items: unknown[] }>
>();

export function listingSnapshot<T>(
  state: EmulatorState,
  snapshotId: string | undefined,
  compute: () => T[],
  /** What the listing is of (caller, request): a token continues only the listing it came from. */
  key: string,
): { id: string; items: T[] } {
  let byId = snapshots.get(state);
  if (!byId) {
    byId = new Map();
    snapshots.set(state, byId);
  }
  const kept = snapshotId ? byId.get(snapshotId) : undefined;
  if (kept && kept.key === key)
    return { id: snapshotId!, items: kept.items as T[] };
  const id = randomUUID();
  const items = compute();
  byId.set(id, { key, items });
  for (const old of byId.keys()) {
    if (byId.size <= MAX_SNAPSHOTS) break;
    byId.delete(old);
  }
  return { id, items };
}

/** `$skipToken` of a page: the listing's snapshot and the offset, opaque to clients. */
export function encodeSkipToken(snapshotId: string, offset: number): string {
  return Buffer.from(`offset:${offset}:${snapshotId}`).toString('base64url');
}

export function decodeSkipToken(token: string | null | undefined): {
  offset: number;
  snapshotId?: string;
} {
  if (!token) return { offset: 0 };
  const m = /^offset:(\d+)(?::([0-9a-f-]{36}))?$/.exec(
    Buffer.from(token, 'base64url').toString('utf8'),
  );
  return m ? { offset: Number(m[1]), snapshotId: m[2] } : { offset: 0 };
}
