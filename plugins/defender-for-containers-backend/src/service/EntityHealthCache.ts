import type { EntityDefenderResponse } from '@defender-backstage/plugin-defender-for-containers-common';
import { LRUCache } from 'lru-cache';

/**
 * The card's answers, kept in memory for a few seconds. Snapshots change only when a refresh
 * writes them, yet a page view costs three database reads; a busy catalog asks for the same
 * entities again and again. This replica's writes clear it at once (see `clearOnWrite`); another
 * replica's writes show here after at most `ttlMs`.
 */
export class EntityHealthCache {
  private readonly entries: LRUCache<string, EntityDefenderResponse>;
  private writes = 0;

  constructor(
    private readonly options: {
      ttlMs: number;
      /** Least recently used entries go first beyond this many. */
      maxEntries?: number;
      /** … or beyond this many bytes of JSON: an organization's answer can list many images. */
      maxBytes?: number;
      now?: () => number;
    },
  ) {
    this.entries = new LRUCache({
      max: options.maxEntries ?? 10_000,
      maxSize: options.maxBytes ?? 64 * 1024 * 1024,
      sizeCalculation: value => Buffer.byteLength(JSON.stringify(value)),
      // lru-cache keeps an entry while its age is at most `ttl`; ours is gone once it is ttlMs.
      ttl: Math.max(1, options.ttlMs - 1),
      // Read the clock on every lookup, not a reading lru-cache reuses for a millisecond.
      ttlResolution: 0,
      perf: { now: options.now ?? Date.now },
    });
  }

  /** Taken before reading the store: `set` refuses an answer read before a write cleared us. */
  get generation(): number {
    return this.writes;
  }

  get(key: string): EntityDefenderResponse | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: EntityDefenderResponse, generation: number): void {
    if (this.options.ttlMs <= 0 || generation !== this.writes) return;
    this.entries.set(key, value);
  }

  clear(): void {
    this.writes++;
    this.entries.clear();
  }
}
