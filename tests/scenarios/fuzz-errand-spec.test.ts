import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarios } from '../../scenarios/index.ts';
import { validateScenario } from '../../sim/index.ts';
import { robotModels } from '../../robots/index.ts';

/** Fixed seed and run count: failures reproduce. */
const SEED = 11;
const RUNS = 200;

describe('fuzzing errand and sortation specs (fast-check, seed 11)', () => {
  const base = scenarios['warehouse/sortation@1']!;
  const value = fc.oneof(
    fc.integer({ min: -3, max: 5000 }),
    fc.double({ noNaN: false }),
    fc.string({ maxLength: 4 }),
    fc.constant(null),
    fc.array(fc.integer({ min: -1, max: 3000 }), { maxLength: 3 }),
  );
  const errands = fc.oneof(
    fc.record(
      { tasks: fc.array(fc.array(value, { maxLength: 3 }), { maxLength: 4 }), openTasks: value, dwellSec: fc.array(value, { maxLength: 3 }) },
      { requiredKeys: [] },
    ),
    fc.dictionary(fc.string({ maxLength: 6 }), value, { maxKeys: 3 }),
    value,
  );
  it(`random errands sections: valid, or every issue names its path (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(errands, (section) => {
        const issues = validateScenario({ ...base, errands: section }, robotModels);
        for (const issue of issues) {
          expect(issue.path).toMatch(/^(errands|layout|fleet|orders)/);
          expect(issue.message.length).toBeGreaterThan(0);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
