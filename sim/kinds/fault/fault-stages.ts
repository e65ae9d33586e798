import type { SimModel } from '../../model/sim-model.ts';
import { stationRows } from '../station/index.ts';
import { robotRows } from '../robot/index.ts';
import { createRng, seedRngState } from '../../rng/rng.ts';
import type { SimState } from '../../state/sim-state.ts';
import { activeWindow, type FaultWindow } from './fault-events.ts';
import { faultPlanOf } from './fault-plan.ts';
import { breakDown } from './fault-handlers.ts';

/**
 * A seeded uniform number in [0, 1): its own stream per (name, robot, second), forked by name from
 * the episode seed, so faults never shift the orders' or any other stream.
 */
function faultDraw(seed: number, name: string, robot: number, second: number): number {
  return createRng(seedRngState(seed, `faults/${name}/${robot}/${second}`)).next();
}

/**
 * Scripted-slot stage: seeded breakdowns (once per simulated second each working robot fails with
 * probability 1 / MTBF; repair takes 0.5–1.5 × MTTR), and `fault.ended` for scripted faults whose
 * window closes this tick.
 */
export function runFaults(model: SimModel, state: SimState): void {
  const plan = faultPlanOf(model);
  if (!plan.any) return;
  const b = plan.breakdowns;
  if (b && state.tick >= b.fromTick && state.tick % model.hz === 0) {
    const second = state.tick / model.hz;
    const r = robotRows.table(state);
    for (let i = 0; i < r.count; i++) {
      if (r.faultUntilTick[i]! >= 0) continue;
      if (faultDraw(state.seed, 'mtbf', i, second) >= 1 / b.mtbfSec) continue;
      breakDown(model, state, i, b.mttrSec * (0.5 + faultDraw(state.seed, 'mttr', i, second)), 'robot.breakdown');
    }
  }
  endWindows(state, plan.stationClosures, 'station.close', (w) => w.event.station);
  endWindows(state, plan.latency, 'command.latency', () => -1);
  endWindows(state, plan.noise, 'observation.noise', () => -1);
}

function endWindows<E>(state: SimState, windows: readonly FaultWindow<E>[], fault: string, target: (w: FaultWindow<E>) => number): void {
  for (const w of windows) if (w.untilTick === state.tick) state.events.push({ type: 'fault.ended', tick: state.tick, fault, target: target(w) });
}

/** Stations closed at `tick`, ascending, each once. */
export function closedStations(model: SimModel, tick: number): number[] {
  const out = new Set<number>();
  for (const w of faultPlanOf(model).stationClosures) if (w.fromTick <= tick && tick < w.untilTick) out.add(w.event.station);
  return [...out].sort((a, b) => a - b);
}

/**
 * Process-slot stage, after the stations: at a closed station the picker does not work, so a pick
 * under way makes no progress (its countdown is put back) until the station reopens.
 */
export function pauseClosedStations(model: SimModel, state: SimState): void {
  const plan = faultPlanOf(model);
  if (plan.stationClosures.length === 0) return;
  const st = stationRows.table(state);
  for (const s of closedStations(model, state.tick)) if (st.pickingTask[s]! >= 0) st.pickTicksLeft[s] = st.pickTicksLeft[s]! + 1;
}

/** The command latency (control ticks) and observation noise active at `tick`. */
export function activeUncertainty(model: SimModel, tick: number): { latencyControlTicks: number; noise: { poseSigmaM: number; scanDropout: number } | null } {
  const plan = faultPlanOf(model);
  const latency = activeWindow(plan.latency, tick);
  const noise = activeWindow(plan.noise, tick);
  return {
    latencyControlTicks: latency?.event.controlTicks ?? 0,
    noise: noise ? { poseSigmaM: noise.event.poseSigmaM, scanDropout: noise.event.scanDropout ?? 0 } : null,
  };
}
