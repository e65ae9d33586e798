/** Throughput against fleet size (robots/README.md) from a stored `bench suite --json` output. */
import { z } from 'zod';
import { readResult } from '../results-store.ts';
import { num, provenance } from './provenance.ts';

const suiteRun = z.object({
  controller: z.string(),
  label: z.string(),
  robots: z.number(),
  status: z.string(),
  kpis: z.object({ throughputPerHour: z.number(), collisions: z.object({ robotRobot: z.number() }) }).nullable(),
  failures: z.object({ stalled: z.unknown().optional() }).optional(),
});
/** What `bench suite --json` writes (the suite's results.json). */
const suiteOutput = z.object({ suite: z.string(), runs: z.array(suiteRun) });

/** Throughput against fleet size, one row per controller (mean over seeds), then each controller's robot–robot collisions. */
export function fleetSizeTable(names: readonly string[], root: string): string {
  const stored = names.map((name) => ({ name, result: readResult(name, suiteOutput, root) }));
  const runs = stored.flatMap((s) => s.result.output.runs);
  const sizes = [...new Set(runs.map((r) => r.robots))].sort((a, b) => a - b);
  const labels = [...new Set(runs.map((r) => r.label))];
  const cell = (label: string, robots: number, figure: (k: NonNullable<z.infer<typeof suiteRun>['kpis']>) => number, markStalls: boolean) => {
    const of = runs.filter((r) => r.label === label && r.robots === robots);
    if (of.length === 0) return '–';
    if (of.some((r) => r.kpis === null)) return of.find((r) => r.kpis === null)!.status;
    const stalled = markStalls && of.some((r) => r.failures?.stalled);
    return `${num(of.reduce((sum, r) => sum + figure(r.kpis!), 0) / of.length, 0)}${stalled ? ' (stalled)' : ''}`;
  };
  const lines = [`| robots | ${sizes.map((n) => num(n, 0)).join(' | ')} |`, `|---|${sizes.map(() => '---:').join('|')}|`];
  for (const label of labels) lines.push(`| \`${label}\` | ${sizes.map((n) => cell(label, n, (k) => k.throughputPerHour, true)).join(' | ')} |`);
  for (const label of labels)
    lines.push(`| \`${label}\` robot-robot collisions | ${sizes.map((n) => cell(label, n, (k) => k.collisions.robotRobot, false)).join(' | ')} |`);
  const note = runs.some((r) => r.failures?.stalled)
    ? ['', '(stalled): the run reported `progress.stalled` (nothing delivered for minutes while orders waited); its figures cover the whole horizon.']
    : [];
  return [lines.join('\n'), ...note, '', provenance(stored)].join('\n');
}
