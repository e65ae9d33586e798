/**
 * A binary min-heap of roadmap nodes by a numeric key (smallest first), in two typed arrays that
 * grow by doubling: the open list of the planners' searches. `keys`, `nodes` and `size` are open
 * so a search can re-key its entries in place and restore the order with {@link heapify}.
 */
export class NodeMinHeap {
  keys: Float64Array;
  nodes: Int32Array;
  size = 0;

  /** @param onGrow told the bytes added each time the arrays grow (negative when they shrink). */
  constructor(
    capacity: number,
    private readonly onGrow?: (addedBytes: number) => void,
  ) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  /** Bytes the arrays take. */
  get bytes(): number {
    return this.keys.byteLength + this.nodes.byteLength;
  }

  /** The smallest key (the heap must not be empty). */
  get topKey(): number {
    return this.keys[0]!;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) this.grow();
    const hk = this.keys;
    const hn = this.nodes;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (hk[p]! <= key) break;
      hk[i] = hk[p]!;
      hn[i] = hn[p]!;
      i = p;
    }
    hk[i] = key;
    hn[i] = node;
  }

  /** Doubles the arrays (entries kept). */
  grow(): void {
    this.onGrow?.(this.bytes);
    const k = new Float64Array(this.keys.length * 2);
    k.set(this.keys);
    this.keys = k;
    const nd = new Int32Array(this.nodes.length * 2);
    nd.set(this.nodes);
    this.nodes = nd;
  }

  /** Takes the node with the smallest key off the heap (the heap must not be empty). */
  pop(): number {
    const top = this.nodes[0]!;
    const last = --this.size;
    this.siftDown(0, this.keys[last]!, this.nodes[last]!);
    return top;
  }

  /** Restores the heap order after `keys`/`nodes` were rewritten in place (linear time). */
  heapify(): void {
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.siftDown(i, this.keys[i]!, this.nodes[i]!);
  }

  /**
   * Gives memory back once the entries fill less than an eighth of the arrays, down to a quarter of
   * them (at least `minCapacity`): so the heap keeps at least twice its entries.
   */
  shrink(minCapacity: number): void {
    const capacity = this.keys.length;
    if (capacity <= minCapacity || this.size * 8 > capacity) return;
    const smaller = Math.max(minCapacity, capacity >> 2);
    const before = this.bytes;
    this.keys = this.keys.slice(0, smaller);
    this.nodes = this.nodes.slice(0, smaller);
    this.onGrow?.(this.bytes - before);
  }

  /** Places `key`/`node` at slot `start` or below. */
  private siftDown(start: number, key: number, node: number): void {
    const hk = this.keys;
    const hn = this.nodes;
    const last = this.size;
    let i = start;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && hk[c + 1]! < hk[c]!) c++;
      if (hk[c]! >= key) break;
      hk[i] = hk[c]!;
      hn[i] = hn[c]!;
      i = c;
    }
    hk[i] = key;
    hn[i] = node;
  }
}
