import fc from 'fast-check';
import { robotRows } from '../../sim/index.ts';
import { describe, expect, it } from 'vitest';
import { robotModels } from '../../robots/index.ts';
import { ImportError, readLorrProblem, scenarioIdName, type ImportIssue } from '../../scenarios/index.ts';
import { validateScenario } from '../../sim/index.ts';
import { makeHost } from '../helpers/make-host.ts';

/**
 * Fuzzing the documented 2026 problem format (Start-Kit `Input_Output_Format.md`): a valid problem
 * with one to four documented mutations. Each mutation knows its outcome: an error that names the
 * key (or file) at fault, a warning that names it, or nothing. Every result is then one of: that
 * clear error, or a valid scenario that runs. Fixed seed: failures reproduce.
 */
const SEED = 20261206;
const RUNS = 200;

const MAP = 'type octile\nheight 5\nwidth 8\nmap\n........\n.@@.....\n........\n....T@..\n........\n';
const AGENTS = '# version for LoRR 2026\n4\n0\n7\n32\n39\n';
const TASKS = '# version for LoRR 2026\n5\n2,20\n30,4,16\n23\n33,6\n14,15,22,31\n';
const VALID = {
  mapFile: 'maps/m.map',
  agentFile: 'a.agents',
  taskFile: 't.tasks',
  teamSize: 3,
  numTasksReveal: 1.5,
  version: '2026 LoRR',
  agentCounter: 3,
  agentSize: 1.0,
  delayConfig: {
    seed: 0,
    minDelay: 1,
    maxDelay: 4,
    eventModel: 'bernoulli',
    pDelay: 0.01,
    durationModel: 'gaussian',
    gaussMeanRatio: 0.5,
    gaussStdRatio: 0.22,
  },
};

type Outcome = 'ok' | 'warn' | 'error' | 'unknown';
/** A documented change to the valid problem: where (`delayConfig.x` for a field inside it), what, and what it must give. */
interface Mutation {
  key: string;
  value: unknown; // undefined: the key removed
  outcome: Outcome;
  /** Text the error or warning must contain (default: the key). */
  names?: string;
}

const DELAY_FIELDS = ['seed', 'minDelay', 'maxDelay', 'eventModel', 'pDelay', 'durationModel', 'gaussMeanRatio', 'gaussStdRatio'];
const MUTATIONS: Mutation[] = [
  { key: 'version', value: undefined, outcome: 'ok' },
  { key: 'version', value: '2024 LoRR', outcome: 'ok' },
  { key: 'version', value: '2027 LoRR', outcome: 'warn' },
  { key: 'version', value: 'next', outcome: 'warn' },
  { key: 'version', value: 2026, outcome: 'error' },
  { key: 'teamSize', value: undefined, outcome: 'error' },
  { key: 'teamSize', value: 0, outcome: 'error' },
  { key: 'teamSize', value: 2.5, outcome: 'error' },
  { key: 'teamSize', value: '3', outcome: 'error' },
  { key: 'teamSize', value: 4, outcome: 'ok' },
  { key: 'teamSize', value: 5, outcome: 'error' },
  { key: 'numTasksReveal', value: undefined, outcome: 'ok' },
  { key: 'numTasksReveal', value: 0, outcome: 'error' },
  { key: 'numTasksReveal', value: 4, outcome: 'ok' },
  { key: 'numTasksReveal', value: 'x', outcome: 'error' },
  { key: 'agentSize', value: undefined, outcome: 'ok' },
  { key: 'agentSize', value: 0, outcome: 'error' },
  { key: 'agentSize', value: 0.5, outcome: 'warn' },
  { key: 'agentSize', value: 2, outcome: 'warn' },
  { key: 'agentCounter', value: undefined, outcome: 'ok' },
  { key: 'agentCounter', value: 0, outcome: 'error' },
  { key: 'agentCounter', value: 1.5, outcome: 'error' },
  { key: 'agentCounter', value: 20, outcome: 'ok' },
  { key: 'mapFile', value: 'maps/none.map', outcome: 'error', names: 'maps/none.map' },
  { key: 'mapFile', value: 7, outcome: 'error' },
  { key: 'taskFile', value: undefined, outcome: 'error' },
  { key: 'agentCount', value: 3, outcome: 'unknown', names: 'agentCounter' },
  { key: 'delayConfig', value: undefined, outcome: 'ok' },
  { key: 'delayConfig', value: 'x', outcome: 'error' },
  ...DELAY_FIELDS.map((f): Mutation => ({ key: `delayConfig.${f}`, value: undefined, outcome: 'error' })),
  { key: 'delayConfig.eventModel', value: 'poisson', outcome: 'ok' },
  { key: 'delayConfig.eventModel', value: 'gauss', outcome: 'error' },
  { key: 'delayConfig.durationModel', value: 'uniform', outcome: 'ok' },
  { key: 'delayConfig.durationModel', value: 'normal', outcome: 'error' },
  { key: 'delayConfig.pDelay', value: 0, outcome: 'ok' },
  { key: 'delayConfig.pDelay', value: 0.5, outcome: 'ok' },
  { key: 'delayConfig.pDelay', value: 1.5, outcome: 'error' },
  { key: 'delayConfig.minDelay', value: 0, outcome: 'error' },
  { key: 'delayConfig.minDelay', value: 6, outcome: 'error', names: 'delayConfig.maxDelay' },
  { key: 'delayConfig.maxDelay', value: 1, outcome: 'ok' },
  { key: 'delayConfig.gaussMeanRatio', value: 1.2, outcome: 'error' },
  { key: 'delayConfig.gaussStdRatio', value: -0.1, outcome: 'error' },
  { key: 'delayConfig.gaussStdRatio', value: 0, outcome: 'ok' },
  { key: 'delayConfig.seed', value: -1, outcome: 'error' },
  { key: 'delayConfig.seed', value: 4294967295, outcome: 'ok' },
  { key: 'delayConfig.lambda', value: 2, outcome: 'unknown' },
];

function apply(mutations: readonly Mutation[]): Record<string, unknown> {
  const p: Record<string, unknown> = structuredClone(VALID);
  for (const m of mutations) {
    const [head, field] = m.key.split('.') as [string, string | undefined];
    const target = field === undefined ? p : (p[head] as Record<string, unknown> | undefined);
    if (target === undefined || typeof target !== 'object' || target === null) continue;
    const k = field ?? head;
    if (m.value === undefined) delete target[k];
    else target[k] = m.value;
  }
  return p;
}

describe('fuzzing the documented LoRR format (fast-check, seed 20261206)', () => {
  it(`1-4 documented mutations: the error or warning names the key, or a valid scenario that runs (${RUNS} runs)`, async () => {
    let ran = 0;
    let errors = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...MUTATIONS), { minLength: 1, maxLength: 4, selector: (m) => m.key.split('.')[0] }),
        async (mutations) => {
          const newer = mutations.some((m) => m.key === 'version' && m.outcome === 'warn');
          const outcomeOf = (m: Mutation): Outcome => (m.outcome === 'unknown' ? (newer ? 'warn' : 'error') : m.outcome);
          const p = apply(mutations);
          const files: Record<string, string> = { 'd/p.json': JSON.stringify(p, null, 2), 'd/maps/m.map': MAP, 'd/a.agents': AGENTS, 'd/t.tasks': TASKS };
          const read = (path: string) => {
            const text = files[path];
            if (text === undefined) throw new Error(`ENOENT: no such file ${path}`);
            return text;
          };
          const expectErrors = mutations.filter((m) => outcomeOf(m) === 'error');
          const warnings: ImportIssue[] = [];
          let imported;
          try {
            imported = readLorrProblem('d/p.json', read, { minutes: 0.05, onWarning: (w) => warnings.push(w) });
          } catch (error) {
            if (!(error instanceof ImportError)) throw error;
            errors++;
            // A clear error: at least one error was expected, and each issue names a file and a reason.
            expect(
              expectErrors.map((m) => m.key),
              (error as Error).message,
            ).not.toEqual([]);
            const text = error.message;
            expect(
              expectErrors.some((m) => text.includes(m.names ?? m.key)),
              text,
            ).toBe(true);
            for (const issue of error.issues) expect(issue.file).toMatch(/^d\//);
            return;
          }
          expect(expectErrors.map((m) => `${m.key}=${JSON.stringify(m.value)}`)).toEqual([]);
          const warned = warnings.map((w) => w.message).join('\n');
          for (const m of mutations.filter((x) => outcomeOf(x) === 'warn')) expect(warned).toContain(m.names ?? m.key.split('.').pop());
          expect(validateScenario(imported.spec, robotModels)).toEqual([]);
          if (ran < 25) {
            ran++;
            const host = await makeHost({ spec: imported.spec, controller: 'pibt' });
            host.advance(90);
            expect(robotRows.things(host.model).length).toBe(imported.lorr.teamSize);
            host.dispose();
          }
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    expect(ran).toBe(25); // enough valid problems were drawn and run
    expect(errors).toBeGreaterThan(RUNS / 4);
  }, 120_000);
});

describe('any file name makes a valid scenario id', () => {
  it('examples', () => {
    expect(scenarioIdName('a/b/fulfill-example_2500.json')).toBe('fulfill-example-2500');
    expect(scenarioIdName('Lager Süd (v2).json')).toBe('lager-sud-v2');
    expect(scenarioIdName('倉庫.json')).toBe('problem');
    expect(scenarioIdName('C:\\maps\\Room_64.map')).toBe('room-64');
  });

  it(`fast-check: every file name gives an id the scenario schema accepts (${RUNS / 2} runs)`, () => {
    const map = 'type octile\nheight 2\nwidth 3\nmap\n...\n...\n';
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (name) => {
        const file = `d/${name.replace(/\//g, '')}.json`;
        const files: Record<string, string> = {
          [file]: JSON.stringify({ ...VALID, mapFile: 'm.map', teamSize: 1, delayConfig: undefined }),
          'd/m.map': map,
          'd/a.agents': '1\n0\n',
          'd/t.tasks': '1\n5\n',
        };
        const spec = readLorrProblem(file, (p) => files[p] ?? '', { minutes: 0.05 }).spec;
        expect(spec.id).toMatch(/^import\/lorr-[a-z0-9]+(-[a-z0-9]+)*@1$/);
        expect(validateScenario(spec, robotModels)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS / 2 },
    );
  });
});
