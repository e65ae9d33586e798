/** The page's frame time (web/README.md) from stored `bench/run/browser-frame-time.ts --json` outputs. */
import { z } from 'zod';
import { readResult } from '../results-store.ts';
import { num, provenance } from './provenance.ts';

const frameFigures = z.object({ robots: z.number(), firstFrameMs: z.number(), frames: z.number(), meanMs: z.number(), p50Ms: z.number(), p95Ms: z.number() });
/** What `bench/run/browser-frame-time.ts --json` writes. */
const frameTimeOutput = z.object({ seconds: z.number(), results: z.array(frameFigures) });

/** Main-thread time per frame by fleet size: the mean over the runs stored. */
export function frameTimeTable(names: readonly string[], root: string): string {
  const stored = names.map((name) => ({ name, result: readResult(name, frameTimeOutput, root) }));
  const all = stored.flatMap((s) => s.result.output.results);
  const sizes = [...new Set(all.map((r) => r.robots))].sort((a, b) => a - b);
  const lines = ['| robots | frames | mean ms | p50 ms | p95 ms | time to first frame ms |', '|---:|---:|---:|---:|---:|---:|'];
  for (const robots of sizes) {
    const of = all.filter((r) => r.robots === robots);
    const mean = (f: (r: z.infer<typeof frameFigures>) => number) => of.reduce((sum, r) => sum + f(r), 0) / of.length;
    lines.push(
      `| ${num(robots, 0)} | ${num(
        mean((r) => r.frames),
        0,
      )} | ${num(
        mean((r) => r.meanMs),
        2,
      )} | ${num(
        mean((r) => r.p50Ms),
        2,
      )} | ${num(
        mean((r) => r.p95Ms),
        2,
      )} | ${num(
        mean((r) => r.firstFrameMs),
        0,
      )} |`,
    );
  }
  return [`The mean of ${stored.length} run${stored.length === 1 ? '' : 's'}:`, '', lines.join('\n'), '', provenance(stored)].join('\n');
}
