import { writeFile } from 'node:fs/promises';
import { DEFAULT_SEED } from '../../../sim/index.ts';
import { resolveScenario } from '../../run/registry.ts';
import { flattenKpis, summarizeReplications, welchWarmupCheck, type WarmupCheck } from '../../analyse/report/replications.ts';
import { runScenario, type RunRequest, type RunResult } from '../../run/run-scenario.ts';

/**
 * `bench run <scenario> --replications N`: N independent runs (seeds seed … seed + N − 1), then
 * each KPI's mean and 95 % confidence interval (Student's t over the N runs), and for a production
 * line Welch's check of the warm-up on the throughput series averaged over the runs.
 */
export async function runReplications(request: RunRequest, n: number, jsonFile: string | undefined): Promise<void> {
  const spec = resolveScenario(request.scenario) as { seed?: number };
  const base = request.seed ?? spec.seed ?? DEFAULT_SEED;
  const runs: RunResult[] = [];
  const completions: number[][] = [];
  for (let k = 0; k < n; k++) {
    const times: number[] = [];
    const result = await runScenario({ ...request, seed: base + k }, { onEvent: (e) => e.type === 'unit.completed' && times.push(e.atSec) });
    runs.push(result);
    completions.push(times);
    console.error(`replication ${k + 1}/${n} (seed ${base + k}) done in ${result.wallSec.toFixed(1)} s`);
  }
  const summary = summarizeReplications(runs.map((r) => flattenKpis(r.kpis)));
  const width = Math.max(...Object.keys(summary).map((k) => k.length), 3);
  console.log(
    `scenario ${runs[0]!.scenario}, controller ${request.controller}, ${n} replications (seeds ${base}–${base + n - 1}): mean ± 95 % confidence half-width`,
  );
  console.log(`${'KPI'.padEnd(width)} ${'mean'.padStart(12)} ${'± 95 %'.padStart(12)} ${'sd'.padStart(12)}`);
  for (const [key, s] of Object.entries(summary)) {
    if (s.mean === 0 && s.sd === 0) continue;
    console.log(`${key.padEnd(width)} ${fmt(s.mean).padStart(12)} ${fmt(s.ci95).padStart(12)} ${fmt(s.sd).padStart(12)}`);
  }
  let warmup: WarmupCheck | null = null;
  if (runs[0]!.kpis.things?.sink) {
    warmup = welchWarmupCheck(completions, runs[0]!.simulatedSec, runs[0]!.kpis.things.sink.warmupSec ?? 0);
    const settledMin = (warmup.settledSec / 60).toFixed(1);
    if (warmup.tooShort)
      console.log(
        `warm-up looks too short: the throughput averaged over the runs settles only at about ${settledMin} min (Welch's method); try --warmup-min ${Math.ceil(warmup.settledSec / 60)}`,
      );
    else
      console.log(
        `warm-up: the throughput averaged over the runs settles by ${settledMin} min (Welch's method), within the ${(warmup.warmupSec / 60).toFixed(1)} min left out`,
      );
  }
  if (jsonFile)
    await writeFile(
      jsonFile,
      `${JSON.stringify({ scenario: runs[0]!.scenario, controller: request.controller, seeds: runs.map((r) => r.seed), summary, warmupCheck: warmup, runs }, null, 2)}\n`,
    );
}

function fmt(v: number): string {
  return Math.abs(v) >= 1000 ? v.toFixed(1) : Math.abs(v) >= 1 ? v.toFixed(3) : v.toPrecision(4);
}
