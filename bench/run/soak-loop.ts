import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runScenario, type Isolation, type RunResult } from './run-scenario.ts';

/** One memory sample of a soak, taken after a full garbage collection. */
export interface SoakSample {
  simulatedHours: number;
  /** V8 heap in use, MiB. */
  heapMiB: number;
  /** Memory outside the heap (Rapier's WebAssembly memory, typed arrays), MiB. */
  externalMiB: number;
  rssMiB: number;
}

/** What `bench soak` measured. */
export interface SoakReport {
  scenario: string;
  controller: string;
  robots: number;
  simulatedHours: number;
  sampleEveryHours: number;
  samples: SoakSample[];
  /** Growth of heap + external memory from the first sample to the largest later one, as a share (0.05 = 5 %). */
  growth: number;
  /** The criterion: growth below this share. */
  maxGrowth: number;
  passed: boolean;
  wallSec: number;
  result: RunResult;
}

/** What to soak. */
export interface SoakRequest {
  scenario: string;
  controller: string;
  hours: number;
  /** A memory sample every this many simulated hours (1 by default). */
  sampleEveryHours?: number;
  robots?: number;
  seed?: number;
  isolation?: Isolation;
  budgetMs?: number;
  /** Allowed growth after the first sample (default 0.1). */
  maxGrowth?: number;
  onSample?: (sample: SoakSample) => void;
}

const MIB = 1024 * 1024;

/** A full garbage collection (exposing `gc` to this process if it was not started with --expose-gc). */
function collectGarbage(): void {
  const g = globalThis as { gc?: () => void };
  if (!g.gc) {
    setFlagsFromString('--expose-gc');
    g.gc = runInNewContext('gc') as () => void;
  }
  g.gc!();
}

function sample(simulatedHours: number): SoakSample {
  collectGarbage();
  const m = process.memoryUsage();
  const r = (v: number) => Math.round((v / MIB) * 100) / 100;
  return { simulatedHours, heapMiB: r(m.heapUsed), externalMiB: r(m.external), rssMiB: r(m.rss) };
}

/**
 * Runs one scenario for `hours` simulated hours (events folded into the KPIs and the failure tally
 * as they stream by, none kept) and samples memory after each `sampleEveryHours`. Passes when
 * heap + external memory after the first sample grows by less than `maxGrowth`.
 */
export async function runSoak(request: SoakRequest): Promise<SoakReport> {
  const every = request.sampleEveryHours ?? 1;
  const samples: SoakSample[] = [];
  let next = 1;
  const started = performance.now();
  const result = await runScenario(
    {
      scenario: request.scenario,
      controller: request.controller,
      overrides: { minutes: request.hours * 60, ...(request.robots ? { robots: request.robots } : {}) },
      ...(request.seed !== undefined ? { seed: request.seed } : {}),
      ...(request.isolation ? { isolation: request.isolation } : {}),
      ...(request.budgetMs ? { budgetMs: request.budgetMs } : {}),
    },
    {
      onAdvance: (tick, hz) => {
        while (tick >= Math.round(next * every * 3600 * hz)) {
          const s = sample(next * every);
          samples.push(s);
          request.onSample?.(s);
          next += 1;
        }
      },
    },
  );
  const total = (s: SoakSample) => s.heapMiB + s.externalMiB;
  const first = samples[0];
  const growth = first && samples.length > 1 ? Math.max(...samples.slice(1).map(total)) / total(first) - 1 : 0;
  const maxGrowth = request.maxGrowth ?? 0.1;
  return {
    scenario: result.scenario,
    controller: request.controller,
    robots: result.robots,
    simulatedHours: result.simulatedSec / 3600,
    sampleEveryHours: every,
    samples,
    growth: Math.round(growth * 10000) / 10000,
    maxGrowth,
    passed: growth < maxGrowth && samples.length > 1 && result.failures.stopped === null,
    wallSec: Math.round((performance.now() - started) / 100) / 10,
    result,
  };
}
