/** Slots in use past which the table doubles: at most half of them. */
const MAX_LOAD_SHIFT = 1;

/**
 * Step counts of the nodes a small search reached: an open-addressing hash over typed arrays,
 * emptied in constant time (each slot carries the generation it was written in). A local search
 * ({@link localExactSteps}) runs hundreds of times a control tick at 10,000 robots; the `Map` it
 * used was emptied and refilled each time and reallocated its table as it grew, 3.4 MB of garbage
 * a control tick. This table keeps its size across searches.
 */
export class NodeStepsMap {
  private nodes: Int32Array;
  private steps: Int32Array;
  private generations: Uint32Array;
  private generation = 1;
  private count = 0;
  /** 32 − log2(slots): Fibonacci hashing takes the product's high bits. */
  private shift: number;

  /** @param slots initial table size, a power of two. */
  constructor(slots = 1024) {
    this.nodes = new Int32Array(slots);
    this.steps = new Int32Array(slots);
    this.generations = new Uint32Array(slots);
    this.shift = 32 - Math.log2(slots);
  }

  /** Forgets every node. */
  clear(): void {
    this.count = 0;
    if (++this.generation === 0xffffffff) {
      this.generations.fill(0);
      this.generation = 1;
    }
  }

  /** The steps kept for node `n`, or -1 when it has none. */
  get(n: number): number {
    const mask = this.nodes.length - 1;
    for (let s = Math.imul(n, 0x9e3779b1) >>> this.shift; ; s = (s + 1) & mask) {
      if (this.generations[s] !== this.generation) return -1;
      if (this.nodes[s] === n) return this.steps[s]!;
    }
  }

  /** Keeps `steps` (≥ 0) for node `n`, replacing what it had. */
  set(n: number, steps: number): void {
    const mask = this.nodes.length - 1;
    let s = Math.imul(n, 0x9e3779b1) >>> this.shift;
    for (; this.generations[s] === this.generation; s = (s + 1) & mask) {
      if (this.nodes[s] === n) {
        this.steps[s] = steps;
        return;
      }
    }
    this.generations[s] = this.generation;
    this.nodes[s] = n;
    this.steps[s] = steps;
    if (++this.count > this.nodes.length >> MAX_LOAD_SHIFT) this.grow();
  }

  private grow(): void {
    const { nodes, steps, generations, generation } = this;
    const slots = nodes.length * 2;
    this.nodes = new Int32Array(slots);
    this.steps = new Int32Array(slots);
    this.generations = new Uint32Array(slots);
    this.generation = 1;
    this.shift--;
    this.count = 0;
    for (let s = 0; s < nodes.length; s++) if (generations[s] === generation) this.set(nodes[s]!, steps[s]!);
  }
}
