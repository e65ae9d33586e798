import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NodeStepsMap } from '../../robots/fleet/planners/node-steps-map.ts';

describe('NodeStepsMap', () => {
  it('answers as a Map would over random sets, overwrites and clears, growing from 2 slots (fast-check, seed 4242, 200 runs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.record({ node: fc.nat({ max: 5000 }), steps: fc.nat({ max: 100_000 }) }), fc.constant('clear' as const)), { maxLength: 400 }),
        fc.array(fc.nat({ max: 5000 }), { maxLength: 50 }),
        (ops, probes) => {
          const table = new NodeStepsMap(2);
          const expected = new Map<number, number>();
          for (const op of ops) {
            if (op === 'clear') {
              table.clear();
              expected.clear();
            } else {
              table.set(op.node, op.steps);
              expected.set(op.node, op.steps);
            }
          }
          for (const [node, steps] of expected) expect(table.get(node)).toBe(steps);
          for (const node of probes) expect(table.get(node)).toBe(expected.get(node) ?? -1);
        },
      ),
      { seed: 4242, numRuns: 200 },
    );
  });

  it('forgets every node on clear, without touching its slots, and reuses them', () => {
    const table = new NodeStepsMap(4);
    for (let n = 0; n < 100; n++) table.set(n * 7, n);
    expect(table.get(693)).toBe(99);
    table.clear();
    for (let n = 0; n < 100; n++) expect(table.get(n * 7)).toBe(-1);
    table.set(693, 5);
    expect(table.get(693)).toBe(5);
    expect(table.get(0)).toBe(-1);
  });
});
