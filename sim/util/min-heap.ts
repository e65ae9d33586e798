/**
 * Binary min-heap of integer items keyed by a number, ties broken by the smaller item, so
 * the pop order is fully deterministic.
 */
export class MinHeap {
  private items: number[] = [];
  private keys: number[] = [];

  get size(): number {
    return this.items.length;
  }

  clear(): void {
    this.items.length = 0;
    this.keys.length = 0;
  }

  push(item: number, key: number): void {
    const items = this.items;
    const keys = this.keys;
    let i = items.length;
    items.push(item);
    keys.push(key);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  /** Removes and returns the item with the smallest key; -1 when empty. */
  pop(): number {
    const items = this.items;
    const keys = this.keys;
    if (items.length === 0) return -1;
    const top = items[0]!;
    const lastItem = items.pop()!;
    const lastKey = keys.pop()!;
    if (items.length > 0) {
      items[0] = lastItem;
      keys[0] = lastKey;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(l, m)) m = l;
        if (r < items.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const ka = this.keys[a]!;
    const kb = this.keys[b]!;
    return ka < kb || (ka === kb && this.items[a]! < this.items[b]!);
  }

  private swap(a: number, b: number): void {
    const items = this.items;
    const keys = this.keys;
    const ti = items[a]!;
    items[a] = items[b]!;
    items[b] = ti;
    const tk = keys[a]!;
    keys[a] = keys[b]!;
    keys[b] = tk;
  }
}
