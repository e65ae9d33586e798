import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PagedNodeValues } from '../../robots/index.ts';

describe('PagedNodeValues (a lazy search’s node values in pages of consecutive node ids)', () => {
  it('holds what a Map holds: adds, overwrites (values past 16 bits kept aside and back), absent nodes -1; its reported growth sums to its bytes (fast-check, seed 32, 200 runs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2_200_000 }), fc.oneof(fc.integer({ min: 0, max: 65_533 }), fc.integer({ min: 65_530, max: 2 ** 30 }))), {
          maxLength: 400,
        }),
        fc.array(fc.integer({ min: 0, max: 2_200_000 }), { maxLength: 50 }),
        (writes, probes) => {
          let reported = 0;
          const values = new PagedNodeValues((added) => {
            reported += added;
          });
          reported += values.bytes;
          const expected = new Map<number, number>();
          for (const [node, value] of writes) {
            const slot = values.slotOf(node);
            if (expected.has(node)) {
              expect(slot).toBeGreaterThanOrEqual(0);
              values.setValue(slot, value);
            } else {
              expect(slot).toBe(-1);
              values.add(node, value);
            }
            expected.set(node, value);
          }
          expect(values.size).toBe(expected.size);
          for (const [node, value] of expected) expect(values.valueAt(values.slotOf(node))).toBe(value);
          for (const node of probes) if (!expected.has(node)) expect(values.slotOf(node)).toBe(-1);
          expect(reported).toBe(values.bytes);
        },
      ),
      { seed: 32, numRuns: 200 },
    );
  });

  it('a corridor of 10,000 nodes across a 1,800-wide map takes about 6 bytes a node (a node → value hash took about 15)', () => {
    const values = new PagedNodeValues();
    const cols = 1_800;
    for (let row = 0; row < 400; row++) for (let c = 0; c < 25; c++) values.add(row * cols + row + c, row);
    expect(values.size).toBe(10_000);
    expect(values.bytes / values.size).toBeLessThan(7);
    expect(values.bytes / values.size).toBeGreaterThan(2);
  });
});
