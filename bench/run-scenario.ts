import { robotModels } from '../robots/index.ts';
import { SimHost, type Kpis, type ScenarioOverrides } from '../sim/index.ts';
import { resolveController, resolveScenario } from './registry.ts';

/** One headless run, as named on the command line. */
export interface RunRequest {
  scenario: string;
  seed?: number;
  controller: string;
  overrides?: ScenarioOverrides;
}

/** The result of one headless run (the `--json` output of `bench run`). */
export interface RunResult {
  scenario: string;
  seed: number;
  controller: string;
  robots: number;
  ticks: number;
  simulatedSec: number;
  hash: string;
  wallSec: number;
  realTimeFactor: number;
  kpis: Kpis;
  timing: { physicsMs: number; controllerMs: number; otherMs: number; tickMs: number };
}

/** Runs a scenario to its horizon at full speed in this thread. */
export async function runScenario(request: RunRequest): Promise<RunResult> {
  const spec = resolveScenario(request.scenario);
  const factory = resolveController(request.controller);
  const host = await SimHost.create(robotModels, () => performance.now());
  try {
    const seed = request.seed ?? (spec.seed as number | undefined) ?? 1;
    host.load({ spec, controller: factory(), seed, ...(request.overrides ? { overrides: request.overrides } : {}) });
    host.runToEnd();
    const t = host.timing;
    const wallSec = t.totalMs / 1000;
    const simulatedSec = host.tick / host.model.hz;
    return {
      scenario: host.model.id,
      seed,
      controller: request.controller,
      robots: host.model.robots.length,
      ticks: host.tick,
      simulatedSec,
      hash: host.hash(),
      wallSec: round(wallSec, 3),
      realTimeFactor: round(simulatedSec / Math.max(wallSec, 1e-9), 1),
      kpis: host.kpis(),
      timing: {
        tickMs: round(t.totalMs / Math.max(1, t.ticks), 4),
        physicsMs: round(t.physicsMs / Math.max(1, t.ticks), 4),
        controllerMs: round(t.controllerMs / Math.max(1, t.ticks), 4),
        otherMs: round((t.totalMs - t.physicsMs - t.controllerMs) / Math.max(1, t.ticks), 4),
      },
    };
  } finally {
    host.dispose();
  }
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
