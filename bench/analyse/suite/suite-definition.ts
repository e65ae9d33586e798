import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { resolveScenario } from '../../run/registry.ts';
import { readJsonFile } from '../../run/files/read-json-file.ts';
import { describeZodIssues } from '../../run/files/zod-issues.ts';
import { UsageError } from '../../run/usage-error.ts';
import { groupKey, runKey, type RunJob } from '../../run/run-job.ts';

const controllerEntry = z.union([z.string().min(1), z.strictObject({ label: z.string().min(1), controller: z.string().min(1) })]);

/**
 * A regression suite (`bench/data/suites/<name>.json`): every scenario variant × controller × seed
 * is one run. A controller is a registry name or a module path; the object form gives it a label,
 * which is what results and baselines key on.
 */
export const suiteDefinitionSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9-]+$/, 'must be kebab-case'),
  description: z.string().default(''),
  scenarios: z
    .array(
      z.strictObject({
        /** Registered scenario id, or a scenario `.json` file relative to the suite file. */
        id: z.string().min(1),
        /** Fleet size override. */
        robots: z.number().int().positive().optional(),
        /** Simulated horizon override, minutes. */
        minutes: z
          .number()
          .positive()
          .max(7 * 24 * 60, 'at most 10080 minutes (7 days)')
          .optional(),
        /**
         * Independent replications: this entry runs seeds s, s+1, …, s+N−1 (s = the suite's first
         * seed) instead of the suite's `seeds`, as `bench run --replications N` does; its report
         * gives each KPI's mean and 95 % interval, and the gate compares the mean.
         */
        replications: z.number().int().min(2, 'at least 2 (a confidence interval needs two runs)').max(1000, 'at most 1000').optional(),
      }),
    )
    .min(1),
  controllers: z.array(controllerEntry).min(1),
  seeds: z.array(z.number().int().nonnegative()).min(1),
});

export type SuiteDefinition = z.output<typeof suiteDefinitionSchema>;

/** A suite as read from its file, with the folder its scenario file paths are relative to, and whether it is one of `bench/data/suites/`. */
export type LoadedSuite = SuiteDefinition & { baseDir: string; registered: boolean };

/**
 * Where a suite's baseline lives unless `--baseline` says: `bench/data/baselines/<name>.json` of this
 * checkout for a registered suite, `<name>.baseline.json` beside the suite file for any other.
 */
export function defaultBaselineFile(suite: LoadedSuite): string {
  return suite.registered ? new URL(`../baselines/${suite.name}.json`, import.meta.url).pathname : resolve(suite.baseDir, `${suite.name}.baseline.json`);
}

/** Where a suite writes its results unless `--out` says: `bench-results` here for a registered suite, `bench-results/<name>` beside the suite file for any other. */
export function defaultOutDir(suite: LoadedSuite): string {
  return suite.registered ? resolve('bench-results') : resolve(suite.baseDir, 'bench-results', suite.name);
}

/** Directory holding the committed suite definitions. */
export const SUITES_DIR = new URL('../../data/suites/', import.meta.url);

/**
 * Loads a suite by name (`ci` → `bench/data/suites/ci.json`) or by path to a `.json` file. Its
 * scenario entries (`id`) may be registered ids or scenario `.json` files relative to it.
 * @throws UsageError when it is missing or invalid (naming the field).
 */
export function loadSuite(nameOrPath: string): LoadedSuite {
  const file = nameOrPath.endsWith('.json') ? resolve(process.cwd(), nameOrPath) : new URL(`${nameOrPath}.json`, SUITES_DIR).pathname;
  if (!existsSync(file)) throw new UsageError(`suite "${nameOrPath}" not found (looked at ${file})`);
  const parsed = suiteDefinitionSchema.safeParse(readJsonFile(file, 'suite file'));
  if (!parsed.success) {
    throw new UsageError(`suite file ${file}: ${describeZodIssues(parsed.error)}`);
  }
  return { ...parsed.data, baseDir: dirname(file), registered: !nameOrPath.endsWith('.json') };
}

/**
 * Every run of a suite, sorted by key. A scenario entry is a registered id or a scenario file,
 * relative to the suite file's folder (`baseDir`; the working directory when absent).
 * Unknown scenarios and unreadable files are a UsageError, invalid ones a ScenarioSpecError.
 */
export function expandSuite(suite: SuiteDefinition & { baseDir?: string }): RunJob[] {
  const jobs: RunJob[] = [];
  for (const entry of suite.scenarios) {
    const spec = resolveScenario(entry.id, suite.baseDir);
    const overrides = { ...(entry.robots !== undefined ? { robots: entry.robots } : {}), ...(entry.minutes !== undefined ? { minutes: entry.minutes } : {}) };
    for (const c of suite.controllers) {
      const { label, controller } = typeof c === 'string' ? { label: c, controller: c } : c;
      const group = groupKey(spec.id, overrides, label);
      const seeds = entry.replications !== undefined ? replicationSeeds(suite.seeds[0]!, entry.replications) : suite.seeds;
      const replications = entry.replications !== undefined ? { replications: entry.replications } : {};
      for (const seed of seeds) jobs.push({ key: runKey(group, seed), group, scenario: spec.id, spec, label, controller, seed, overrides, ...replications });
    }
  }
  const keys = new Set(jobs.map((j) => j.key));
  if (keys.size !== jobs.length) throw new UsageError(`suite "${suite.name}" lists the same run twice (duplicate scenario, controller label or seed)`);
  return jobs.sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** Seeds of `n` independent replications from `base`: base, base+1, …, base+n−1 (as `bench run --replications`). */
export function replicationSeeds(base: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => base + i);
}
