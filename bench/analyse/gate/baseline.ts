import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from '../../run/files/read-json-file.ts';
import { describeZodIssues } from '../../run/files/zod-issues.ts';
import { UsageError } from '../../run/usage-error.ts';
import type { RunRecord } from '../../run/run-job.ts';
import { KPI_METRICS, meanKpis } from './kpi-metrics.ts';

const toleranceSchema = z.object({
  /** Allowed worsening as a share of the baseline value (0.05 = 5 %). */
  relative: z.number().nonnegative(),
  /** Allowed worsening in the KPI's own unit; the larger of the two allowances applies. */
  absolute: z.number().nonnegative(),
});

/** Per-KPI tolerance: how much worse than the baseline a mean KPI may get before the gate fails. */
export type Tolerance = z.output<typeof toleranceSchema>;

const baselineSchema = z.object({
  version: z.literal(1),
  suite: z.string(),
  tolerances: z.record(z.string(), toleranceSchema),
  groups: z.record(
    z.string(),
    z.object({
      runs: z.number().int().nonnegative(),
      /** Mean of each KPI over the group's runs. */
      kpis: z.record(z.string(), z.number()),
      /** State hash of each run, by run key. */
      hashes: z.record(z.string(), z.string()),
      /**
       * What this group may do without failing the gate (set by hand, kept on update): a
       * controller that fails (`controllerFailed`), commands rejected (`commandsRejected`), a run whose work stalled (`stalled`).
       */
      allow: z.strictObject({ controllerFailed: z.boolean().optional(), commandsRejected: z.boolean().optional(), stalled: z.boolean().optional() }).optional(),
    }),
  ),
});

/** A committed baseline (`bench/data/baselines/<suite>.json`). */
export type Baseline = z.output<typeof baselineSchema>;

/**
 * Default tolerances. Runs are deterministic, so these are not noise margins: they decide how
 * large an intentional change may be before it needs a baseline update.
 */
export const DEFAULT_TOLERANCES: Readonly<Record<string, Tolerance>> = {
  throughputPerHour: { relative: 0.05, absolute: 0 },
  cycleTimeP50Sec: { relative: 0.1, absolute: 1 },
  cycleTimeP95Sec: { relative: 0.15, absolute: 2 },
  'collisions.total': { relative: 0.25, absolute: 2 },
  deadlocks: { relative: 0.25, absolute: 1 },
  commandsRejected: { relative: 0, absolute: 0 },
  'line.throughputPerHour': { relative: 0.05, absolute: 0 },
  'line.oee': { relative: 0.05, absolute: 0.01 },
  'chute.parcelsPerHour': { relative: 0.05, absolute: 0 },
  'errand.tasksPerHour': { relative: 0.05, absolute: 0 },
};

/** Reads a baseline. @throws UsageError when missing or malformed. */
export function readBaseline(file: string): Baseline {
  if (!existsSync(file)) throw new UsageError(`baseline ${file} not found; create it with --update-baseline`);
  const parsed = baselineSchema.safeParse(readJsonFile(file, 'baseline'));
  if (!parsed.success) {
    throw new UsageError(`baseline ${file}: ${describeZodIssues(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * A baseline from finished runs: KPI means and hashes per group. Tolerances are kept from
 * `previous` when given (so hand-tuned values survive an update), else the defaults.
 */
export function buildBaseline(suite: string, records: readonly RunRecord[], previous?: Baseline): Baseline {
  const groups: Baseline['groups'] = {};
  const byGroup = new Map<string, RunRecord[]>();
  for (const r of records) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
  for (const group of [...byGroup.keys()].sort()) {
    const runs = byGroup.get(group)!;
    const hashes: Record<string, string> = {};
    for (const r of runs) if (r.hash) hashes[r.key] = r.hash;
    const allow = previous?.groups[group]?.allow;
    groups[group] = { runs: runs.length, kpis: meanKpis(runs.map((r) => r.kpis!)), hashes, ...(allow ? { allow } : {}) };
  }
  const tolerances: Record<string, Tolerance> = { ...DEFAULT_TOLERANCES, ...(previous?.tolerances ?? {}) };
  for (const key of Object.keys(tolerances)) if (!KPI_METRICS.some((m) => m.key === key)) delete tolerances[key];
  return { version: 1, suite, tolerances, groups };
}

/** Writes a baseline as stable, diff-friendly JSON. */
export function writeBaseline(file: string, baseline: Baseline): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
}
