import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BandedOpenList } from '../../robots/fleet/planners/banded-open-list.ts';
import { NodeMinHeap } from '../../robots/fleet/planners/node-min-heap.ts';

/** Keys as the lazy goal search makes them: f × 2^23 + (2^23 − 1 − g). */
const BAND = 2 ** 23;
const keyOf = (f: number, g: number): number => f * BAND + (BAND - 1 - g);

type Op = { push: { df: number; g: number; node: number } } | 'pop' | 'spill';

describe('BandedOpenList', () => {
  it('pops the same keys in the same order as a binary heap, across spills and re-heapified heaps (fast-check, seed 4242, 300 runs)', () => {
    const op = fc.oneof(
      { weight: 6, arbitrary: fc.record({ push: fc.record({ df: fc.integer({ min: -2, max: 3 }), g: fc.nat({ max: 40 }), node: fc.nat({ max: 10_000 }) }) }) },
      { weight: 4, arbitrary: fc.constant('pop' as const) },
      { weight: 1, arbitrary: fc.constant('spill' as const) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 600 }), (ops: Op[]) => {
        const list = new BandedOpenList(BAND, 2);
        const heap = new NodeMinHeap(2);
        const nodesOfKey = new Map<number, number[]>();
        let f = 100;
        for (const o of ops) {
          if (o === 'spill') {
            list.spillFront();
            list.heap.heapify();
            list.shrink(2);
          } else if (o === 'pop') {
            if (heap.size === 0) continue;
            const key = heap.topKey;
            heap.pop();
            const node = list.pop();
            expect(list.poppedKey).toBe(key);
            // One of the nodes pushed with that key (ties may come in another order than the heap's).
            const waiting = nodesOfKey.get(key)!;
            expect(waiting).toContain(node);
            waiting.splice(waiting.indexOf(node), 1);
            f = Math.floor(key / BAND);
          } else {
            const key = keyOf(f + o.push.df, o.push.g);
            list.push(key, o.push.node);
            heap.push(key, o.push.node);
            nodesOfKey.set(key, [...(nodesOfKey.get(key) ?? []), o.push.node]);
          }
          expect(list.size).toBe(heap.size);
        }
      }),
      { seed: 4242, numRuns: 300 },
    );
  });

  it('takes a dive of same-band children off its stack, leaving the heap alone', () => {
    const list = new BandedOpenList(BAND, 4);
    list.push(keyOf(10, 0), 1);
    list.push(keyOf(12, 1), 2);
    expect(list.pop()).toBe(1);
    // Children with the parent's f and deeper g: on the stack, deepest first.
    for (let g = 1; g <= 20; g++) list.push(keyOf(10, g), 100 + g);
    expect(list.heap.size).toBe(1);
    expect(list.size).toBe(21);
    expect(list.bytes).toBeGreaterThan(list.heap.bytes);
    for (let g = 20; g >= 1; g--) expect(list.pop()).toBe(100 + g);
    expect(list.pop()).toBe(2);
    expect(list.size).toBe(0);
  });
});
