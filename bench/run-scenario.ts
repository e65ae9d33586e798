import { robotModels } from '../robots/index.ts';
import { createReplayRecorder, replayHeaderOf, SimHost, type Kpis, type Replay, type ReplayRecorder, type ScenarioOverrides } from '../sim/index.ts';
import { loadControllerFactory } from './load-controller.ts';
import { resolveScenario } from './registry.ts';

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

/** Keyframe spacing of recorded replays by default: one a simulated second at 30 Hz. */
export const DEFAULT_KEYFRAME_EVERY_TICKS = 30;

/** Runs a scenario to its horizon at full speed in this thread. */
export async function runScenario(request: RunRequest): Promise<RunResult> {
  return (await execute(request, null)).result;
}

/** Runs a scenario like {@link runScenario} and records a replay (a keyframe every `keyframeEveryTicks`). */
export async function recordScenario(request: RunRequest, keyframeEveryTicks = DEFAULT_KEYFRAME_EVERY_TICKS): Promise<{ result: RunResult; replay: Replay }> {
  const out = await execute(request, keyframeEveryTicks);
  return { result: out.result, replay: out.replay! };
}

async function execute(request: RunRequest, keyframeEveryTicks: number | null): Promise<{ result: RunResult; replay: Replay | null }> {
  const spec = resolveScenario(request.scenario);
  const factory = await loadControllerFactory(request.controller);
  const host = await SimHost.create(robotModels, () => performance.now());
  try {
    const seed = request.seed ?? (spec.seed as number | undefined) ?? 1;
    host.load({ spec, controller: factory(), seed, ...(request.overrides ? { overrides: request.overrides } : {}) });
    let recorder: ReplayRecorder | null = null;
    if (keyframeEveryTicks === null) host.runToEnd();
    else recorder = recordToEnd(host, request, seed, keyframeEveryTicks);
    const t = host.timing;
    const wallSec = t.totalMs / 1000;
    const simulatedSec = host.tick / host.model.hz;
    const result: RunResult = {
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
    return { result, replay: recorder ? recorder.finish(host.tick, result.kpis, result.hash) : null };
  } finally {
    host.dispose();
  }
}

/** Advances `host` to its horizon in keyframe-sized steps, recording poses and events. */
function recordToEnd(host: SimHost, request: RunRequest, seed: number, everyTicks: number): ReplayRecorder {
  const model = host.model;
  const recorder = createReplayRecorder(replayHeaderOf(model, seed, request.controller, everyTicks));
  recorder.keyframe(host.frame());
  while (!host.done) {
    recorder.events(host.advance(everyTicks).events);
    recorder.keyframe(host.frame());
  }
  return recorder;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
