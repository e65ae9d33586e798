const EMPTY = -1;
/** Node ids a page holds: consecutive ids (a grid roadmap numbers a row's cells in order), 2^PAGE_BITS of them. */
const PAGE_BITS = 5;
const PAGE_NODES = 1 << PAGE_BITS;
/** Page hash grows (doubles) past this share of its slots in use. */
const MAX_LOAD_TENTHS = 7;
/** A stored 16-bit value: 0 is "not held", the value + 1 below {@link OVERFLOW}, else the value is kept aside. */
const OVERFLOW = 0xffff;

/**
 * Non-negative integers for a sparse set of a roadmap's nodes, kept in pages of 32 consecutive node
 * ids at 2 bytes a node: a search that holds a corridor across a 2.2-million-node map pays for the
 * pages it touches, not for the map, and about a third of what a node → value hash takes (about
 * 15 bytes a node at its load). Values of 65,534 and more (rare: a distance of 16,383 steps or
 * more with two flag bits) are kept in a map beside the pages. A node's place (`slotOf`) stays
 * valid while the values grow.
 */
export class PagedNodeValues {
  /** Page hash, a pair per slot: `[2s]` the page (EMPTY when free), `[2s + 1]` its first index in {@link values}. */
  private pages: Int32Array;
  private pageCount = 0;
  /** 32 − log2(hash slots): Fibonacci hashing takes the product's high bits. */
  private shift = 28;
  private values: Uint16Array;
  private readonly overflow = new Map<number, number>();
  /** Nodes held. */
  size = 0;

  /** @param onGrow told the bytes added each time the pages or their hash grow. */
  constructor(private readonly onGrow?: (addedBytes: number) => void) {
    this.pages = new Int32Array(2 * 16).fill(EMPTY);
    this.values = new Uint16Array(4 * PAGE_NODES);
  }

  /** Where node `n`'s value is (for {@link valueAt} and {@link setValue}), or -1 when it is not held. */
  slotOf(n: number): number {
    const t = this.pages;
    const page = n >>> PAGE_BITS;
    const mask = (t.length >> 1) - 1;
    let s = Math.imul(page, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = t[2 * s]!;
      if (k === page) {
        const slot = t[2 * s + 1]! + (n & (PAGE_NODES - 1));
        return this.values[slot] === 0 ? -1 : slot;
      }
      if (k === EMPTY) return -1;
      s = (s + 1) & mask;
    }
  }

  /** Holds node `n` (not held yet) with `value`; returns its slot. */
  add(n: number, value: number): number {
    const slot = this.pageOf(n >>> PAGE_BITS) + (n & (PAGE_NODES - 1));
    this.size++;
    this.setValue(slot, value);
    return slot;
  }

  valueAt(slot: number): number {
    const v = this.values[slot]!;
    return v === OVERFLOW ? this.overflow.get(slot)! : v - 1;
  }

  setValue(slot: number, value: number): void {
    if (value < OVERFLOW - 1) {
      if (this.values[slot] === OVERFLOW) this.overflow.delete(slot);
      this.values[slot] = value + 1;
    } else {
      this.values[slot] = OVERFLOW;
      this.overflow.set(slot, value);
    }
  }

  /** Bytes held (pages and their hash; a value kept aside is not counted). */
  get bytes(): number {
    return this.pages.byteLength + this.values.byteLength;
  }

  /** First slot of `page`, made (all nodes not held) when new. */
  private pageOf(page: number): number {
    let t = this.pages;
    let mask = (t.length >> 1) - 1;
    let s = Math.imul(page, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = t[2 * s]!;
      if (k === page) return t[2 * s + 1]!;
      if (k === EMPTY) break;
      s = (s + 1) & mask;
    }
    if ((this.pageCount + 1) * 10 > (t.length >> 1) * MAX_LOAD_TENTHS) {
      this.growHash();
      t = this.pages;
      mask = (t.length >> 1) - 1;
      s = Math.imul(page, 0x9e3779b1) >>> this.shift;
      while (t[2 * s] !== EMPTY) s = (s + 1) & mask;
    }
    const base = this.pageCount * PAGE_NODES;
    if (base + PAGE_NODES > this.values.length) {
      // Half again, not double: the pages are most of a search's memory.
      const more = new Uint16Array(Math.ceil((this.values.length * 3) / (2 * PAGE_NODES)) * PAGE_NODES);
      more.set(this.values);
      this.onGrow?.(more.byteLength - this.values.byteLength);
      this.values = more;
    }
    t[2 * s] = page;
    t[2 * s + 1] = base;
    this.pageCount++;
    return base;
  }

  private growHash(): void {
    this.onGrow?.(this.pages.byteLength);
    const old = this.pages;
    const t = new Int32Array(old.length * 2).fill(EMPTY);
    this.pages = t;
    this.shift -= 1;
    const mask = (t.length >> 1) - 1;
    for (let i = 0; i < old.length; i += 2) {
      const k = old[i]!;
      if (k === EMPTY) continue;
      let s = Math.imul(k, 0x9e3779b1) >>> this.shift;
      while (t[2 * s] !== EMPTY) s = (s + 1) & mask;
      t[2 * s] = k;
      t[2 * s + 1] = old[i + 1]!;
    }
  }
}
