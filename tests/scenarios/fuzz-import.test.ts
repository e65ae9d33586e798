import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError, importLorrProblem, importMovingAiMap, parseMovingAiMap } from '../../scenarios/index.ts';
import { validateScenario } from '../../sim/index.ts';
import { robotModels } from '../../robots/index.ts';

/** Fixed seed and run counts: failures reproduce. */
const SEED = 20261202;
const RUNS = 300;

/** An ImportError's issues each name a file and (where it is about one) a line. */
function expectNamedIssues(error: unknown, files: readonly string[]): void {
  expect(error).toBeInstanceOf(ImportError);
  for (const issue of (error as ImportError).issues) {
    expect(files).toContain(issue.file);
    expect(issue.line).toBeGreaterThanOrEqual(0);
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

const mapChar = fc.constantFrom('.', '.', '.', 'G', 'S', 'E', '@', 'O', 'T', 'W', '?', ' ');
const mapText = fc
  .record({
    h: fc.integer({ min: 1, max: 6 }),
    w: fc.integer({ min: 1, max: 6 }),
    cells: fc.array(fc.array(mapChar, { minLength: 0, maxLength: 7 }), { minLength: 0, maxLength: 7 }),
    header: fc.boolean(),
    junk: fc.string({ maxLength: 12 }),
  })
  .map(({ h, w, cells, header, junk }) => (header ? `type octile\nheight ${h}\nwidth ${w}\nmap\n` : `${junk}\n`) + cells.map((r) => r.join('')).join('\n'));

describe('fuzzing the importers (fast-check, seed 20261202)', () => {
  it(`random MovingAI maps: a grid or an ImportError naming the line, never a crash (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(mapText, (text) => {
        try {
          const grid = parseMovingAiMap(text, 'f.map');
          expect(grid.rows.length).toBeGreaterThanOrEqual(grid.height);
          for (const row of grid.rows) expect(row).toMatch(/^[#.]+$/);
        } catch (error) {
          expectNamedIssues(error, ['f.map']);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it(`imported bare maps are valid scenarios or ImportErrors (${RUNS / 3} runs)`, () => {
    fc.assert(
      fc.property(mapText, fc.integer({ min: 1, max: 4 }), (text, robots) => {
        try {
          const spec = importMovingAiMap('f.map', () => text, { robots, tasks: 20 });
          expect(validateScenario(spec, robotModels)).toEqual([]);
        } catch (error) {
          expectNamedIssues(error, ['f.map']);
        }
      }),
      { seed: SEED, numRuns: RUNS / 3 },
    );
  });

  const listFile = fc.oneof(
    fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 5 }).map((cells) => `# agents\n${cells.length}\n${cells.join('\n')}\n`),
    fc
      .array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 3 }), { maxLength: 5 })
      .map((tasks) => `# tasks\n${tasks.length}\n${tasks.map((t) => t.join(',')).join('\n')}\n`),
    fc.string({ maxLength: 30 }),
  );
  const delayConfig = fc.record(
    {
      seed: fc.oneof(fc.nat(), fc.constant(-1), fc.constant(1.5)),
      minDelay: fc.integer({ min: -1, max: 4 }),
      maxDelay: fc.integer({ min: 1, max: 6 }),
      eventModel: fc.constantFrom('bernoulli', 'poisson', 'gauss', 1),
      pDelay: fc.double({ min: -0.1, max: 0.05, noNaN: true }),
      durationModel: fc.constantFrom('uniform', 'gaussian', 'normal'),
      gaussMeanRatio: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
      gaussStdRatio: fc.double({ min: -0.5, max: 2, noNaN: true }),
      pDelayy: fc.constant(0.1),
    },
    { requiredKeys: [] },
  );
  const problem = fc.record(
    {
      mapFile: fc.constantFrom('m.map', 'missing.map', 3),
      agentFile: fc.constant('a.txt'),
      taskFile: fc.constant('t.txt'),
      teamSize: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant('2')),
      numTasksReveal: fc.oneof(fc.double({ min: 0, max: 3, noNaN: true }), fc.constant(null)),
      agentSize: fc.constantFrom(1, 2, 0.5, 0, -1),
      agentCounter: fc.integer(),
      version: fc.constantFrom('2026 LoRR', '2024 LoRR', '2031 LoRR', 'beta', 2026),
      delayConfig: fc.oneof(delayConfig, fc.constant('x'), fc.constant(null)),
      teamsize: fc.constant(3),
    },
    { requiredKeys: [] },
  );

  it(`random LoRR problems: a valid scenario or an ImportError naming file and line (${RUNS} runs)`, () => {
    const map = 'type octile\nheight 5\nwidth 8\nmap\n........\n.@@.....\n........\n....@@..\n........\n';
    fc.assert(
      fc.property(problem, listFile, listFile, fc.boolean(), (p, agents, tasks, brokenJson) => {
        const json = brokenJson ? JSON.stringify(p).slice(0, -1) : JSON.stringify(p, null, 2);
        const files: Record<string, string> = { 'd/p.json': json, 'd/m.map': map, 'd/a.txt': agents, 'd/t.txt': tasks };
        const read = (path: string) => {
          const text = files[path];
          if (text === undefined) throw new Error(`ENOENT: no such file ${path}`);
          return text;
        };
        try {
          const spec = importLorrProblem('d/p.json', read, { minutes: 1 });
          expect(validateScenario(spec, robotModels)).toEqual([]);
        } catch (error) {
          expectNamedIssues(error, Object.keys(files).concat('d/missing.map', 'd/3'));
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
