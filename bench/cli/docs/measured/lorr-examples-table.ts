/** The LoRR examples table (scenarios/README.md) from stored `bench lorr-examples --json` outputs. */
import { z } from 'zod';
import { formatLorrExamplesTable, type LorrExampleRow } from '../../commands/lorr-examples.ts';
import { readResult } from '../results-store.ts';
import { provenance } from './provenance.ts';

const lorrRow = z.object({
  example: z.string(),
  robots: z.number(),
  map: z.string(),
  importSec: z.number().nullable(),
  realTimeFactor: z.number().nullable(),
  cpuRealTimeFactor: z.number().nullable(),
  simulatedSec: z.number().nullable(),
  tasksFinished: z.number().nullable(),
  tasksPerHour: z.number().nullable(),
  tasksPerLorrTick: z.number().nullable(),
  robotRobotCollisions: z.number().nullable(),
  peakRssMb: z.number().nullable(),
  loadBefore: z.number().optional(),
  loadAfter: z.number().optional(),
  status: z.string(),
});
/** What `bench lorr-examples --json` writes. */
const lorrExamplesOutput = z.object({ controller: z.string(), minutes: z.number(), machine: z.string(), rows: z.array(lorrRow) });

/** The examples of every results file in one table, as `bench lorr-examples` prints it. */
export function lorrExamplesTable(names: readonly string[], root: string): string {
  const stored = names.map((name) => ({ name, result: readResult(name, lorrExamplesOutput, root) }));
  const controllers = [...new Set(stored.map((s) => s.result.output.controller))];
  const rows: LorrExampleRow[] = stored.flatMap((s) => s.result.output.rows);
  const minutes = stored.map((s) => `${s.result.output.minutes} simulated min`).join(' / ');
  return [
    `${minutes} per example (one line per command below), controller ${controllers.join(', ')}; load = 1-minute load average at the start → end of each example.`,
    '',
    formatLorrExamplesTable(rows, controllers.join(', ')),
    '',
    provenance(stored),
  ].join('\n');
}
