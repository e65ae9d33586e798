import { NodeMinHeap } from './node-min-heap.ts';

/**
 * A min-priority open list of roadmap nodes for A* searches whose keys are f × `bandWidth` plus a
 * tie-break: a binary heap ({@link NodeMinHeap}) with a sorted stack in front of it for the band
 * (one f) of the entry popped last. A search diving towards its target pushes most children with
 * their parent's f and a larger g, so they go on top of the stack and come off it in constant
 * time instead of being sifted up and down the heap, which cost cache misses at every level: at
 * 10,000 robots the heap's sifts took about a sixth of the controller's time.
 *
 * It pops in the heap's order (smallest key first); among equal keys the entry pushed first
 * comes first from the stack (taking the last one first made the lazy goal searches expand 53 %
 * more nodes at 10,000 robots, for the same answers).
 */
export class BandedOpenList {
  /** Entries outside the stack, in heap order. Open so a search can re-key them in place (after {@link spillFront}). */
  readonly heap: NodeMinHeap;
  private frontKeys: Float64Array;
  private frontNodes: Int32Array;
  private frontSize = 0;
  /** The band of the last entry the heap gave: pushes into it go on the stack. −1 before the first pop and after a spill. */
  private frontBand = -1;
  /** The key of the entry {@link pop} took last. */
  poppedKey = 0;
  private readonly perBand: number;

  /**
   * @param bandWidth keys per band (a power of two keeps `key / bandWidth` exact).
   * @param capacity initial entries of the heap and of the stack.
   * @param onGrow told the bytes added each time the arrays grow (negative when they shrink).
   */
  constructor(
    bandWidth: number,
    capacity: number,
    private readonly onGrow?: (addedBytes: number) => void,
  ) {
    this.perBand = 1 / bandWidth;
    this.heap = new NodeMinHeap(capacity, onGrow);
    this.frontKeys = new Float64Array(capacity);
    this.frontNodes = new Int32Array(capacity);
  }

  /** Entries in the list. */
  get size(): number {
    return this.heap.size + this.frontSize;
  }

  /** Bytes the arrays take. */
  get bytes(): number {
    return this.heap.bytes + this.frontKeys.byteLength + this.frontNodes.byteLength;
  }

  push(key: number, node: number): void {
    if (Math.floor(key * this.perBand) !== this.frontBand) {
      this.heap.push(key, node);
      return;
    }
    if (this.frontSize === this.frontKeys.length) this.resizeFront(this.frontKeys.length * 2);
    // Kept sorted, smallest key on top and equal keys first in first out: a child of the entry
    // just taken usually has the smallest key and stays on top.
    const fk = this.frontKeys;
    const fn = this.frontNodes;
    let i = this.frontSize++;
    while (i > 0 && fk[i - 1]! <= key) {
      fk[i] = fk[i - 1]!;
      fn[i] = fn[i - 1]!;
      i--;
    }
    fk[i] = key;
    fn[i] = node;
  }

  /** Takes the entry with the smallest key off the list (it must not be empty); its key is then {@link poppedKey}. */
  pop(): number {
    const heap = this.heap;
    if (this.frontSize > 0 && (heap.size === 0 || heap.topKey >= this.frontKeys[this.frontSize - 1]!)) {
      this.frontSize--;
      this.poppedKey = this.frontKeys[this.frontSize]!;
      return this.frontNodes[this.frontSize]!;
    }
    // The heap holds the smallest key (the stack is empty, or a smaller key went to the heap).
    const key = heap.topKey;
    this.poppedKey = key;
    if (this.frontSize === 0) this.frontBand = Math.floor(key * this.perBand);
    return heap.pop();
  }

  /**
   * Moves the stack's entries to the end of the heap's arrays without restoring the heap order,
   * so that a caller rewriting every key in place finds them all in `heap` (it must then
   * `heap.heapify()`); pushes go to the heap until the next pop.
   */
  spillFront(): void {
    const heap = this.heap;
    for (let i = 0; i < this.frontSize; i++) {
      if (heap.size === heap.keys.length) heap.grow();
      heap.keys[heap.size] = this.frontKeys[i]!;
      heap.nodes[heap.size] = this.frontNodes[i]!;
      heap.size++;
    }
    this.frontSize = 0;
    this.frontBand = -1;
  }

  /** Gives memory back as {@link NodeMinHeap.shrink} does, the stack's too. */
  shrink(minCapacity: number): void {
    this.heap.shrink(minCapacity);
    const capacity = this.frontKeys.length;
    if (capacity > minCapacity && this.frontSize * 8 <= capacity) this.resizeFront(Math.max(minCapacity, capacity >> 2));
  }

  private resizeFront(capacity: number): void {
    const before = this.frontKeys.byteLength + this.frontNodes.byteLength;
    const keys = new Float64Array(capacity);
    keys.set(this.frontKeys.subarray(0, this.frontSize));
    this.frontKeys = keys;
    const nodes = new Int32Array(capacity);
    nodes.set(this.frontNodes.subarray(0, this.frontSize));
    this.frontNodes = nodes;
    this.onGrow?.(keys.byteLength + nodes.byteLength - before);
  }
}
