/** A cached value and the stamp of its last use. */
export interface StampedEntry<V> {
  readonly value: V;
  used: number;
}

const byUse = (a: StampedEntry<unknown>, b: StampedEntry<unknown>): number => a.used - b.used;

/**
 * A least-recently-used cache keyed by integers that records use with a counter stamp instead of
 * re-inserting the entry (a `Map`'s delete + set per hit, thousands a control tick, left the
 * map's hash table full of deleted slots and cost PIBT about 0.8 µs a lookup at 2,500 robots).
 * Eviction scans for the oldest stamps, so it costs O(entries); it runs only when the cache is full.
 */
export class StampedLru<V> {
  private readonly entries = new Map<number, StampedEntry<V>>();
  private clock = 0;

  /** The stamp of the last use so far: entries used after this moment have a larger `used`. */
  get stamp(): number {
    return this.clock;
  }

  /** Entries held. */
  get size(): number {
    return this.entries.size;
  }

  /** The value under `key`, marked as just used; undefined when not held. */
  get(key: number): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    entry.used = ++this.clock;
    return entry.value;
  }

  /** Holds `value` under `key`, marked as just used. */
  set(key: number, value: V): void {
    this.entries.set(key, { value, used: ++this.clock });
  }

  /**
   * Drops entries while `over()` says the cache is too big, least recently used first (or first in
   * `order`); `dropped` is told each value dropped (before `over` is asked again).
   */
  evictWhile(over: () => boolean, dropped?: (value: V) => void, order: (a: StampedEntry<V>, b: StampedEntry<V>) => number = byUse): void {
    if (!over()) return;
    const ranked = [...this.entries].sort((a, b) => order(a[1], b[1]));
    for (const [key, entry] of ranked) {
      if (!over()) break;
      this.entries.delete(key);
      dropped?.(entry.value);
    }
  }
}
