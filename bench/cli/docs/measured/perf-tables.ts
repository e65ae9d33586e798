/** The `bench perf` tables (the LoRR problems in scenarios/README.md, the built-in scenarios in robots/README.md) from stored `bench perf --json` outputs. */
import { z } from 'zod';
import { readResult } from '../results-store.ts';
import { num, provenance } from './provenance.ts';

const perfRow = z.object({
  scenario: z.string(),
  robots: z.number(),
  controller: z.string(),
  realTimeFactor: z.number(),
  tickMs: z.number(),
  physicsMs: z.number(),
  controllerMs: z.number(),
  otherMs: z.number(),
  bareStepMs: z.number(),
  bareReplayMs: z.number(),
  ratioToBarePhysics: z.number(),
  simRatioToBarePhysics: z.number(),
  peakRssMb: z.number(),
});
/** What `bench perf --json` writes: the robot rows, then (unless `--no-line`) the production-line rows, which have no `tickMs`. */
const perfOutput = z.array(z.union([perfRow, z.object({ eventSpeedFactor: z.number() })]));
type PerfRow = z.infer<typeof perfRow>;

function perfRows(names: readonly string[], root: string) {
  const stored = names.map((name) => ({ name, result: readResult(name, perfOutput, root) }));
  const rows = stored.flatMap((s) => s.result.output.filter((r): r is PerfRow => 'tickMs' in r).map((row) => ({ row, recorded: s.result.recorded })));
  return { stored, rows };
}

/** The LoRR problems imported as scenarios (`bench export --import`), by scenario id; any other scenario is shown by its id. */
const LORR_MAPS: Readonly<Record<string, string>> = {
  'import/lorr-fulfill-example-2500@1': 'warehouse 140×500',
  'import/lorr-iron-example-10000@1': 'iron harvest 1912×1800',
};

/** `bench perf` on the LoRR problems at 1,000 to 10,000 robots. */
export function perfLorrTable(names: readonly string[], root: string): string {
  const { stored, rows } = perfRows(names, root);
  const header =
    '| map | robots | controller | real-time factor | tick ms | physics | controller ms | other (sim) | bare replay ms | ratio | sim ratio | peak RSS MB | load |';
  const lines = [header, '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|'];
  for (const { row: r, recorded } of rows) {
    const map = LORR_MAPS[r.scenario] ?? `\`${r.scenario}\``;
    lines.push(
      `| ${map} | ${num(r.robots, 0)} | ${r.controller} | ${num(r.realTimeFactor, 2)}× | ${num(r.tickMs, 2)} | ${num(r.physicsMs, 2)} | ${num(r.controllerMs, 2)} | ${num(r.otherMs, 2)} | ` +
        `${num(r.bareReplayMs, 2)} | ${num(r.ratioToBarePhysics, 2)} | ${num(r.simRatioToBarePhysics, 2)} | ${num(r.peakRssMb, 0)} | ${recorded.loadBefore}→${recorded.loadAfter} |`,
    );
  }
  return [lines.join('\n'), '', provenance(stored)].join('\n');
}

/** `bench perf` on the built-in scenarios (robots/README.md). */
export function perfScenariosTable(names: readonly string[], root: string): string {
  const { stored, rows } = perfRows(names, root);
  const lines = [
    '| scenario | robots | real-time factor | tick ms | physics ms | controller ms | other ms | bare replay ms | ratio | sim ratio | peak RSS |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { row: r } of rows) {
    const scenario = r.scenario.replace(/^warehouse\//, '').replace(/@\d+$/, '');
    lines.push(
      `| ${scenario} | ${num(r.robots, 0)} | ${num(r.realTimeFactor, 0)}× | ${num(r.tickMs, 3)} | ${num(r.physicsMs, 3)} | ${num(r.controllerMs, 3)} | ${num(r.otherMs, 3)} | ` +
        `${num(r.bareReplayMs, 3)} | ${num(r.ratioToBarePhysics, 2)} | ${num(r.simRatioToBarePhysics, 2)} | ${num(r.peakRssMb, 0)} MB |`,
    );
  }
  return [lines.join('\n'), '', provenance(stored)].join('\n');
}
