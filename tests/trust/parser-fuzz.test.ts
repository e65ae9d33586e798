import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from 'commander';
import {
  parseBudgetMs,
  parseMinutes,
  parseNonNegativeInt,
  parsePositiveInt,
  parsePositiveNumber,
  MAX_MINUTES,
} from '../../bench/cli/commands/parse-options.ts';
import { parseJsonText } from '../../bench/run/files/read-json-file.ts';
import { UsageError } from '../../bench/run/usage-error.ts';
import { robotModels } from '../../robots/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { checkScenario, decodeReplay, encodeReplay, ReplayError, type Replay } from '../../sim/index.ts';
import { recordScenario } from '../../bench/run/run-scenario.ts';

/**
 * Fuzzers for every parser that reads outside input, each with a fixed seed and a stated number
 * of cases: whatever the input, the parser returns a valid value or throws its own named error,
 * never anything else.
 */
const SEED = 20261202;
const CASES = { numbers: 2000, json: 1000, scenario: 300, replay: 400 } as const;

const numberParsers = [
  { name: 'parseNonNegativeInt', parse: parseNonNegativeInt, ok: (n: number) => Number.isInteger(n) && n >= 0 },
  { name: 'parsePositiveInt', parse: parsePositiveInt, ok: (n: number) => Number.isInteger(n) && n >= 1 },
  { name: 'parsePositiveNumber', parse: parsePositiveNumber, ok: (n: number) => Number.isFinite(n) && n > 0 },
  { name: 'parseMinutes', parse: parseMinutes, ok: (n: number) => n > 0 && n <= MAX_MINUTES },
  { name: 'parseBudgetMs', parse: parseBudgetMs, ok: (n: number) => n >= 1 && n <= 600_000 },
];

describe(`fuzzing the parsers (seed ${SEED})`, () => {
  it.each(numberParsers)(`CLI number parser $name: ${CASES.numbers} strings, a valid number or an InvalidArgumentError`, ({ parse, ok }) => {
    const input = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[-+ ]?[0-9]{0,6}(\.[0-9]{0,3})?(e[0-9])?[ x]?$/),
      fc.double().map(String),
      fc.integer().map(String),
    );
    fc.assert(
      fc.property(input, (text) => {
        let value: number;
        try {
          value = parse(text);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidArgumentError);
          return;
        }
        expect(ok(value), `${JSON.stringify(text)} → ${value}`).toBe(true);
        expect(text).toMatch(/^[0-9.]+$/);
      }),
      { seed: SEED, numRuns: CASES.numbers },
    );
  });

  it(`scenario JSON text: ${CASES.json} strings, a value or a one-line UsageError`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.json().map((j) => j.slice(0, Math.max(0, j.length - 2))),
        ),
        (text) => {
          try {
            parseJsonText(text, 'scenario file x.json');
          } catch (error) {
            expect(error).toBeInstanceOf(UsageError);
            expect((error as Error).message).not.toMatch(/\n/);
          }
        },
      ),
      { seed: SEED, numRuns: CASES.json },
    );
  });

  it(`scenario specs: ${CASES.scenario} mutated specs are compiled or rejected with field paths, never a throw`, () => {
    const base = JSON.parse(JSON.stringify(findScenario('warehouse/g2p-small'))) as Record<string, unknown>;
    const keys = Object.keys(base);
    const mutation = fc.record({
      key: fc.constantFrom(...keys, 'bogus'),
      value: fc.oneof(fc.anything(), fc.constant(null), fc.double(), fc.string(), fc.array(fc.string())),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const spec: Record<string, unknown> = structuredClone(base);
        for (const m of mutations) spec[m.key] = m.value;
        const out = checkScenario(spec, robotModels);
        if (!out.ok) {
          expect(out.issues.length).toBeGreaterThan(0);
          for (const issue of out.issues) expect(typeof issue.message).toBe('string');
        }
      }),
      { seed: SEED, numRuns: CASES.scenario },
    );
  });

  it(`replay files: ${CASES.replay} truncated, bit-flipped or garbage files are rejected with a named ReplayError`, async () => {
    const { replay } = await recordScenario({ scenario: 'warehouse/g2p-small', controller: 'greedy', seed: 1, overrides: { robots: 3, minutes: 0.2 } });
    const bytes = encodeReplay(replay);
    expect(decodeReplay(bytes).trailer.hash).toBe(replay.trailer.hash);
    const damaged = fc.oneof(
      fc.integer({ min: 0, max: bytes.length - 1 }).map((n) => ({ want: n < 4 ? 'not-a-replay' : 'truncated', data: bytes.slice(0, n) })),
      fc.tuple(fc.integer({ min: 28, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 })).map(([at, x]) => {
        const data = bytes.slice();
        data[at]! ^= x;
        return { want: 'bad-checksum', data };
      }),
      fc.uint8Array({ maxLength: 200 }).map((data) => ({ want: null, data })),
    );
    fc.assert(
      fc.property(damaged, ({ want, data }) => {
        let replayOut: Replay | null = null;
        try {
          replayOut = decodeReplay(data);
        } catch (error) {
          expect(error).toBeInstanceOf(ReplayError);
          if (want) expect((error as ReplayError).code).toBe(want);
          return;
        }
        expect(replayOut, 'damaged replay decoded').toBeNull();
      }),
      { seed: SEED, numRuns: CASES.replay },
    );
    const wrong = bytes.slice();
    wrong[4] = 9;
    expect(() => decodeReplay(wrong)).toThrow(
      expect.objectContaining({ code: 'wrong-version', message: expect.stringMatching(/replay version 9 is not supported/) }),
    );
  }, 30_000);
});
