/**
 * Running one job: {@link runSpec} is the single place a scenario is loaded, run to its horizon
 * and measured (optionally recording a replay, see `recordToEnd`).
 */
import { defaultCellController, hostCatalog } from '../robots/index.ts';
import { createReplayRecorder, replayHeaderOf, SimHost, type AdvanceResult, type Kpis, type Replay, type ReplayRecorder, type ScenarioOverrides, type ScenarioSpecInput } from '../sim/index.ts';
import { loadCellControllerFactory } from './load-cell-controller.ts';
import { loadControllerFactory } from './load-controller.ts';
import { resolveScenario } from './registry.ts';

/** One headless run, as named on the command line. */
export interface RunRequest {
  /** Registered scenario id or scenario `.json` file (see `resolveScenario`). */
  scenario: string;
  seed?: number;
  controller: string;
  overrides?: ScenarioOverrides;
  /** Cell controller (arms …): a registered name or a module path (see `loadCellControllerFactory`). */
  cellController?: string;
}

/** One headless run of a scenario spec already resolved (what suites, sweeps and comparisons hand to workers). */
export interface SpecRun {
  spec: ScenarioSpecInput;
  /** Registry name or module path (see `loadControllerFactory`). */
  controller: string;
  /** Episode seed; the spec's own (else 1) when absent. */
  seed?: number;
  overrides?: ScenarioOverrides;
  cellController?: string;
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

/** Runs a scenario named on the command line to its horizon at full speed in this thread. */
export async function runScenario(request: RunRequest): Promise<RunResult> {
  return (await runSpec(fromRequest(request))).result;
}

/** Runs a scenario like {@link runScenario} and records a replay (a keyframe every `keyframeEveryTicks`). */
export async function recordScenario(request: RunRequest, keyframeEveryTicks = DEFAULT_KEYFRAME_EVERY_TICKS): Promise<{ result: RunResult; replay: Replay }> {
  const out = await runSpec(fromRequest(request), keyframeEveryTicks);
  return { result: out.result, replay: out.replay! };
}

function fromRequest(request: RunRequest): SpecRun {
  const { scenario, ...run } = request;
  return { ...run, spec: resolveScenario(scenario) };
}

/**
 * The one way a run happens, in this thread: loads the controller and the spec into a fresh
 * host, runs it to its horizon at full speed (recording a replay with a keyframe every
 * `keyframeEveryTicks` when that is given) and measures it. `bench run` calls it directly, the
 * worker pool (`runner/run-worker.ts`) for every run of a suite, sweep or comparison.
 * @throws UsageError for an unknown controller; ScenarioSpecError for an invalid spec.
 */
export async function runSpec(request: SpecRun, keyframeEveryTicks: number | null = null): Promise<{ result: RunResult; replay: Replay | null }> {
  const spec = request.spec;
  const factory = await loadControllerFactory(request.controller);
  const cellName = request.cellController ?? defaultCellController(spec as { arms?: unknown[] });
  const cellFactory = cellName ? await loadCellControllerFactory(cellName) : null;
  const host = await SimHost.create(hostCatalog, () => performance.now());
  try {
    const seed = request.seed ?? (spec.seed as number | undefined) ?? 1;
    const controller = factory();
    host.load({ spec, controller, seed, ...(request.overrides ? { overrides: request.overrides } : {}), ...(cellFactory ? { cellController: cellFactory() } : {}) });
    let recorder: ReplayRecorder | null = null;
    // Controllers that infer asynchronously (ONNX policies) are awaited tick by tick.
    const advance = controller.decideAsync ? (ticks: number) => host.advanceAsync(ticks) : (ticks: number) => host.advance(ticks);
    if (keyframeEveryTicks === null) {
      if (controller.decideAsync) await host.runToEndAsync();
      else host.runToEnd();
    } else recorder = await recordToEnd(host, advance, request, seed, keyframeEveryTicks);
    const t = host.timing;
    const ticks = Math.max(1, t.ticks);
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
        tickMs: round(t.totalMs / ticks, 4),
        physicsMs: round(t.physicsMs / ticks, 4),
        controllerMs: round(t.controllerMs / ticks, 4),
        otherMs: round((t.totalMs - t.physicsMs - t.controllerMs) / ticks, 4),
      },
    };
    return { result, replay: recorder ? recorder.finish(host.tick, result.kpis, result.hash) : null };
  } finally {
    host.dispose();
  }
}

/** Advances `host` to its horizon in keyframe-sized steps, recording poses and events. */
async function recordToEnd(host: SimHost, advance: (ticks: number) => AdvanceResult | Promise<AdvanceResult>, request: SpecRun, seed: number, everyTicks: number): Promise<ReplayRecorder> {
  const model = host.model;
  const recorder = createReplayRecorder(replayHeaderOf(model, seed, request.controller, everyTicks));
  recorder.keyframe(host.frame());
  while (!host.done) {
    recorder.events((await advance(everyTicks)).events);
    recorder.keyframe(host.frame());
  }
  return recorder;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
