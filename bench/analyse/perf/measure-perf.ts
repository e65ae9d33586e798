import { hostCatalog } from '../../../robots/index.ts';
import { robotRows } from '../../../sim/index.ts';
import { SimHost } from '../../../sim/index.ts';
import { createMotionRecorder, replayMotion } from './motion-replay.ts';
import { isControllerPath, loadControllerFactory } from '../../run/load-controller.ts';
import { startIsolatedController } from '../../run/isolated-controller.ts';
import { PipelinedController } from '../../run/pipelined-controller.ts';
import { resolveScenario } from '../../run/registry.ts';

/** One perf case: a scenario at a fleet size. */
export interface PerfCase {
  scenario: string;
  /** Fleet size; the scenario's own when absent. */
  robots?: number;
  controller: string;
  /** Wall seconds of warm-up before measuring (V8 tiers up Rapier's WASM in about 3 s). */
  warmupSec: number;
  /**
   * Simulated seconds a fresh episode runs after the wall-time warm-up before measuring starts, so
   * that it starts from the same state of the fleet however fast the machine is. Default 120.
   */
  warmupSimSec?: number;
  /** Wall seconds of sim ticks to measure (at least 30 ticks; the bare replays come on top). */
  measureSec: number;
  /** Run the controller pipelined in a worker thread (see `PipelinedController`): it decides while the world steps. */
  pipeline?: boolean;
}

/** One row of the sim-speed report (`bench perf --json`). Times are milliseconds per tick. */
export interface PerfRow {
  scenario: string;
  robots: number;
  controller: string;
  /** Simulated seconds per wall second while measuring. */
  realTimeFactor: number;
  tickMs: number;
  physicsMs: number;
  controllerMs: number;
  /** Everything else in the tick: observation, commands, motion model, contacts, orders, events. */
  otherMs: number;
  /** One bare `world.step()` of the same world, robots standing where they are. */
  bareStepMs: number;
  /**
   * Bare Rapier stepping of the same world doing the same thing: the measured ticks replayed on a
   * copy of the world (restored from a snapshot) with the recorded chassis and load poses set
   * directly before each `world.step()`, and no sim stage at all.
   */
  bareReplayMs: number;
  /** tickMs / bareReplayMs: what a full sim tick costs relative to bare physics of the same motion. */
  ratioToBarePhysics: number;
  /**
   * (tickMs − controllerMs) / bareReplayMs: the same without the controller's own `decide` time,
   * i.e. what the simulator itself costs (building the observation is the simulator's, and counted).
   */
  simRatioToBarePhysics: number;
  /** Peak resident set size of the process that ran the case. */
  peakRssMb: number;
  /** Ticks of the measured episode before measuring started (`warmupSimSec` × hz). */
  warmupTicks: number;
  measuredTicks: number;
}

/**
 * Measures one case in this process (run it in a fresh process for a meaningful peak RSS):
 * warm the engine up by wall time, then run a fresh episode `warmupSimSec` simulated seconds while
 * the robots spread out (so every machine starts measuring from the same state), then, in blocks
 * of about a second, time `advance` tick by tick and the same motion replayed on bare Rapier (see
 * {@link PerfRow.bareReplayMs}); last, bare steps with the robots standing.
 */
export async function measurePerf(c: PerfCase): Promise<PerfRow> {
  const spec = resolveScenario(c.scenario);
  // A pipelined built-in may hold what it holds in-thread: the worker gets the 6 GB budget, not the untrusted default.
  const pipelined = c.pipeline
    ? new PipelinedController(await startIsolatedController(c.controller, { memoryMb: PIPELINED_MEMORY_MB, trusted: !isControllerPath(c.controller) }))
    : null;
  const factory = pipelined ? () => pipelined : await loadControllerFactory(c.controller);
  const host = await SimHost.create(hostCatalog, () => performance.now());
  try {
    // As `bench run` runs them: a catalogue or isolated controller gets no defensive copies of its observations.
    const trustedController = pipelined !== null || !isControllerPath(c.controller);
    const load = () =>
      host.load({ spec, controller: factory(), trustedController, overrides: { minutes: 24 * 60, ...(c.robots !== undefined ? { robots: c.robots } : {}) } });
    // Warm the engine up by wall time, then start a fresh episode and run it a fixed simulated time:
    // measuring starts from the same state of the fleet however fast the machine is.
    load();
    const warmEnd = performance.now() + c.warmupSec * 1000;
    while (performance.now() < warmEnd && !host.done) host.advance(1);
    load();
    host.advance(Math.ceil((c.warmupSimSec ?? DEFAULT_WARMUP_SIM_SEC) * host.model.hz));
    const warmupTicks = host.tick;
    // Measure in blocks of about a second, each followed by its bare replay, so that a slower or
    // faster spell of this shared machine weighs on both sides of the ratio alike.
    let ticks = 0;
    let totalMs = 0;
    let physicsMs = 0;
    let controllerMs = 0;
    let bareReplayTotalMs = 0;
    const measureMs = c.measureSec * 1000;
    while (totalMs < measureMs || ticks < 30) {
      const snapshot = host.snapshot();
      const recorder = createMotionRecorder(host);
      // The block's first tick is run and replayed but not timed (see replayMotion).
      host.advance(1);
      recorder.record();
      const t0 = { ...host.timing };
      const blockEnd = performance.now() + Math.min(BLOCK_SEC * 1000, Math.max(0, measureMs - totalMs));
      do {
        host.advance(1);
        recorder.record();
      } while (performance.now() < blockEnd || host.timing.ticks - t0.ticks < 10);
      const t1 = host.timing;
      ticks += t1.ticks - t0.ticks;
      totalMs += t1.totalMs - t0.totalMs;
      physicsMs += t1.physicsMs - t0.physicsMs;
      controllerMs += t1.controllerMs - t0.controllerMs;
      bareReplayTotalMs += replayMotion(snapshot, host.model.dtSec, recorder.ticks, 1);
    }
    const physics = host.state.physics;
    const bareSteps = Math.max(30, Math.min(ticks, 2000));
    const b0 = performance.now();
    for (let i = 0; i < bareSteps; i++) physics.step();
    const bareStepMs = (performance.now() - b0) / bareSteps;
    const bareReplayMs = bareReplayTotalMs / ticks;
    const tickMs = totalMs / ticks;
    // A stopped controller holds its robots at no cost: what was timed is not the case asked for.
    const stopped = pipelined?.stopped;
    if (stopped) throw new Error(`the pipelined controller was stopped at tick ${stopped.tick}: ${stopped.reason}`);
    return {
      scenario: host.model.id,
      robots: robotRows.things(host.model).length,
      controller: c.pipeline ? `${c.controller} (pipelined)` : c.controller,
      realTimeFactor: round(ticks / host.model.hz / (totalMs / 1000), 2),
      tickMs: round(tickMs, 4),
      physicsMs: round(physicsMs / ticks, 4),
      controllerMs: round(controllerMs / ticks, 4),
      otherMs: round((totalMs - physicsMs - controllerMs) / ticks, 4),
      bareStepMs: round(bareStepMs, 4),
      bareReplayMs: round(bareReplayMs, 4),
      ratioToBarePhysics: round(tickMs / bareReplayMs, 2),
      simRatioToBarePhysics: round((tickMs - controllerMs / ticks) / bareReplayMs, 2),
      peakRssMb: round(process.resourceUsage().maxRSS / 1024, 1),
      warmupTicks,
      measuredTicks: ticks,
    };
  } finally {
    host.dispose();
    pipelined?.close();
  }
}

/** Memory the worker of a pipelined controller may hold in `bench perf`, MiB. */
const PIPELINED_MEMORY_MB = 6144;

/** Simulated seconds of the fresh episode before measuring, by default (see {@link PerfCase.warmupSimSec}). */
export const DEFAULT_WARMUP_SIM_SEC = 120;

/** Wall seconds per measured block (each block is followed by its bare replay). */
const BLOCK_SEC = 1;

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
