import type { SimModel } from '../../model/sim-model.ts';
import { robotRows } from './robot-columns.ts';
import type { SimState } from '../../state/sim-state.ts';

/** Fleet totals are sampled every this many simulated seconds (and at the horizon). */
export const SAMPLE_EVERY_SEC = 10;

/** Event speed: the next tick ≥ `state.tick` that samples the fleet (every tick while it has robots: they move). */
export function nextFleetBusyTick(model: SimModel, state: SimState): number {
  if (robotRows.table(state).count > 0) return state.tick;
  const every = SAMPLE_EVERY_SEC * model.hz;
  const sample = Math.ceil((state.tick + 1) / every) * every - 1;
  return Math.min(sample, Math.max(state.tick, model.horizonTicks - 1));
}

/** Sample-slot stage: emits cumulative fleet totals (`fleet.sampled`) for the distance, utilisation and energy KPIs. */
export function sampleFleet(model: SimModel, state: SimState): void {
  const elapsed = state.tick + 1;
  if (elapsed % (SAMPLE_EVERY_SEC * model.hz) !== 0 && elapsed !== model.horizonTicks) return;
  const r = robotRows.table(state);
  let distanceM = 0;
  let busyTicks = 0;
  let energyWh = 0;
  for (let i = 0; i < r.count; i++) {
    distanceM += r.distanceM[i]!;
    busyTicks += r.busyTicks[i]!;
    energyWh += r.energyWh[i]!;
  }
  state.events.push({
    type: 'fleet.sampled',
    tick: state.tick,
    distanceM,
    busyRobotSec: busyTicks / model.hz,
    robotSec: (elapsed * r.count) / model.hz,
    energyWh,
  });
}
