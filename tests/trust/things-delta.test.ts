import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPibtController } from '../../robots/index.ts';
import {
  createObservationDecoder,
  createObservationEncoder,
  staticObservationOf,
  ThingsDeltaDecoder,
  ThingsDeltaEncoder,
  type ErrandObservation,
} from '../../sim/index.ts';
import { recordObservations } from '../helpers/record-observations.ts';

/** Kinds' views (`observation.things`) cross to an isolated controller as what changed since the last observation. */
describe('things delta (isolated controllers)', () => {
  it('decodes every observation of a sortation run equal to the in-thread one, sending only the errand task views that changed', async () => {
    const seen = await recordObservations(createPibtController(), 'warehouse/sortation@1', { seed: 2, overrides: { minutes: 1 } });
    const encoder = createObservationEncoder();
    const decoder = createObservationDecoder(staticObservationOf(seen[0]!));
    let sentViews = 0;
    let totalViews = 0;
    let previous: ErrandObservation | null = null;
    let kept = 0;
    for (const o of seen) {
      const e = encoder.encode(o);
      const d = decoder.decode(e);
      expect(d.things).toEqual(o.things);
      const errands = d.things.errand as ErrandObservation;
      expect(Object.isFrozen(errands.tasks)).toBe(true);
      expect(Object.isFrozen(errands.tasks[0])).toBe(true);
      const sent = e.things!.errand!;
      if (!('arrays' in sent)) throw new Error('the errand view was sent whole');
      sentViews += sent.arrays.tasks!.at.length;
      totalViews += errands.tasks.length;
      if (previous && errands.tasks[0] === previous.tasks[0]) kept += 1;
      previous = errands;
    }
    expect(totalViews).toBeGreaterThan(1000);
    // Most task views stay as they were from one control tick to the next: only the changed ones travel.
    expect(sentViews).toBeLessThan(totalViews / 4);
    expect(kept).toBeGreaterThan(seen.length / 2);
  }, 60_000);

  it('any sequence of views (arrays growing, shrinking, elements kept or replaced, non-array values, non-object views) decodes equal', () => {
    const item = fc.record({ id: fc.integer(), tags: fc.array(fc.integer(), { maxLength: 3 }), who: fc.option(fc.integer()) });
    const step = fc.record({
      keep: fc.array(fc.boolean(), { maxLength: 12 }),
      fresh: fc.array(item, { minLength: 12, maxLength: 12 }),
      count: fc.integer({ min: 0, max: 12 }),
      note: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
      wholeView: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        const encoder = new ThingsDeltaEncoder();
        const decoder = new ThingsDeltaDecoder();
        let list: unknown[] = [];
        for (const s of steps) {
          list = Array.from({ length: s.count }, (_, i) => (s.keep[i] && i < list.length ? list[i] : s.fresh[i]));
          const things = { kind: s.wholeView ? list.slice() : { list, note: s.note, more: [s.note] }, other: 7 };
          // Structured clone, as the message to the worker does.
          const decoded = decoder.decode(structuredClone(encoder.encode(things)));
          expect(decoded).toEqual(things);
          expect(Object.isFrozen(decoded.kind)).toBe(true);
        }
      }),
    );
  });
});
