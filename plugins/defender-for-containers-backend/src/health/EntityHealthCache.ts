import type { EntityDefenderResponse } from '@defender-backstage/plugin-defender-for-containers-common';

/**
 * The card's answers, kept in memory for a few seconds. Snapshots change only when a refresh
 * writes them, yet a page view costs three database reads; a busy catalog asks for the same
 * entities again and again. This replica's writes clear it at once (see `clearOnWrite`); another
 * replica's writes show here after at most `ttlMs`.
 */
export class EntityHealthCache {
  private readonly entries = new Map<
    string,
    { value: EntityDefenderResponse; expiresAt: number }
  >();
  private writes = 0;

  constructor(
    private readonly options: {
      ttlMs: number;
      /** Oldest entries go first beyond this many. */
      maxEntries?: number;
      now?: () => number;
    },
  ) {}

  /** Taken before reading the store: `set` refuses an answer read before a write cleared us. */
  get generation(): number {
    return this.writes;
  }

  get(key: string): EntityDefenderResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: EntityDefenderResponse, generation: number): void {
    if (this.options.ttlMs <= 0 || generation !== this.writes) return;
    this.entries.delete(key);
    this.entries.set(key, {
      value,
      expiresAt: this.now() + this.options.ttlMs,
    });
    const max = this.options.maxEntries ?? 10_000;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.writes++;
    this.entries.clear();
  }

  private now() {
    return (this.options.now ?? Date.now)();
  }
}
