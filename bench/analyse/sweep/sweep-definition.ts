import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { z } from 'zod';
import { BEST_BASELINE } from '../../../robots/index.ts';
import { generateG2pScenario, g2pLayoutName } from '../../../scenarios/index.ts';
import { readJsonFile } from '../../run/files/read-json-file.ts';
import { describeZodIssues } from '../../run/files/zod-issues.ts';
import { UsageError } from '../../run/usage-error.ts';
import { runKey, type RunJob } from '../../run/run-job.ts';

const list = z.array(z.number().int().positive()).min(1);

/** Seeds of a sweep point unless the file names its own: enough for a 95 % band and a bootstrap. */
export const DEFAULT_SWEEP_SEEDS = [1, 2, 3, 4, 5];

/**
 * A parameter sweep over generated g2p layouts: every combination of the grid's values × seeds
 * is one run. See `scenarios/generators/g2p-scenario.ts` for the layout parameters. By default the
 * best built-in baseline (`BEST_BASELINE`) drives the fleet and every point has 5 seeds; a point
 * needs at least 2 for its confidence band.
 */
export const sweepDefinitionSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9-]+$/, 'must be kebab-case'),
  controller: z.string().min(1).default(BEST_BASELINE),
  seeds: z.array(z.number().int().nonnegative()).min(2, 'at least 2 seeds a point (5 by default) for a 95 % band').default(DEFAULT_SWEEP_SEEDS),
  /** Simulated minutes per run. */
  minutes: z
    .number()
    .positive()
    .max(7 * 24 * 60, 'at most 10080 minutes (7 days)'),
  /** Orders per hour; defaults to the generator's (90 per station). */
  ordersPerHour: z.number().positive().optional(),
  grid: z.strictObject({ robots: list, blockColumns: list, aisles: list, stations: list }),
});

export type SweepDefinition = z.output<typeof sweepDefinitionSchema>;

/** Reads and validates a sweep file. @throws UsageError naming the problem. */
export function loadSweep(file: string): SweepDefinition {
  const path = resolve(process.cwd(), file);
  if (!existsSync(path)) throw new UsageError(`sweep file ${file} not found`);
  const parsed = sweepDefinitionSchema.safeParse(readJsonFile(path, 'sweep file', basename(path)));
  if (!parsed.success) {
    throw new UsageError(`sweep file ${basename(path)}: ${describeZodIssues(parsed.error)}`);
  }
  return parsed.data;
}

/** Every run of a sweep, sorted by key. Impossible layouts are a UsageError. */
export function expandSweep(sweep: SweepDefinition): RunJob[] {
  const jobs: RunJob[] = [];
  for (const blockColumns of sweep.grid.blockColumns) {
    for (const aisles of sweep.grid.aisles) {
      for (const stations of sweep.grid.stations) {
        const layout = g2pLayoutName({ blockColumns, aisles, stations });
        for (const robots of sweep.grid.robots) {
          let spec;
          try {
            spec = generateG2pScenario({
              blockColumns,
              aisles,
              stations,
              robots,
              minutes: sweep.minutes,
              ...(sweep.ordersPerHour ? { ordersPerHour: sweep.ordersPerHour } : {}),
            });
          } catch (error) {
            throw new UsageError(`sweep ${sweep.name}, layout ${layout}: ${error instanceof Error ? error.message : String(error)}`);
          }
          const group = `${layout} robots=${String(robots).padStart(5, '0')}`;
          for (const seed of sweep.seeds) {
            jobs.push({
              key: runKey(group, seed),
              group,
              scenario: spec.id,
              spec,
              label: sweep.controller,
              controller: sweep.controller,
              seed,
              overrides: {},
              params: { layout, blockColumns, aisles, stations, robots },
            });
          }
        }
      }
    }
  }
  return jobs.sort((a, b) => (a.key < b.key ? -1 : 1));
}
