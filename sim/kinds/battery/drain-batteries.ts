import type { SimModel } from '../../model/sim-model.ts';
import { loadRows } from '../load/index.ts';
import { robotRows } from '../robot/index.ts';
import { batteryRows } from './battery-columns.ts';
import type { SimState } from '../../state/sim-state.ts';
import { RobotMode } from '../robot/index.ts';
import { SAMPLE_EVERY_SEC } from '../robot/index.ts';

/** A stranded robot's fault never ends on its own (it waits for a tow). */
const STRANDED_UNTIL_TICK = 2_147_483_647;

/**
 * Motion-slot stage, after the robots moved: the load share of the drain (W per kg per m/s on top
 * of the model's idle and driving draw), charging capped at this scenario's capacity, and a robot
 * that ran flat away from a charger is stranded (`battery.stranded`): it stops for good.
 */
export function drainBatteries(model: SimModel, state: SimState): void {
  const b = batteryRows.table(state);
  const spec = batteryRows.fields(model).batteryModel;
  const r = robotRows.table(state);
  const dt = model.dtSec;
  for (let i = 0; i < b.count; i++) {
    const load = r.carriedLoad[i]!;
    if (load >= 0 && r.speedMps[i] !== 0) {
      const wh = (spec.loadWPerKgMps * loadRows.things(model)[load]!.massKg * Math.abs(r.speedMps[i]!) * dt) / 3600;
      r.energyWh[i] = r.energyWh[i]! + wh;
      r.batteryWh[i] = Math.max(0, r.batteryWh[i]! - wh);
    }
    if (r.batteryWh[i]! > b.capacityWh[i]!) r.batteryWh[i] = b.capacityWh[i]!;
    if (r.batteryWh[i]! <= 0 && r.mode[i] !== RobotMode.Docked && b.stranded[i] === 0) strand(state, i);
  }
}

function strand(state: SimState, i: number): void {
  const b = batteryRows.table(state);
  const r = robotRows.table(state);
  b.stranded[i] = 1;
  r.faultUntilTick[i] = STRANDED_UNTIL_TICK;
  if (r.mode[i] !== RobotMode.Lifting && r.mode[i] !== RobotMode.Dropping) r.mode[i] = RobotMode.Hold;
  r.route[i] = [];
  r.routeNotBefore[i] = [];
  r.speedMps[i] = 0;
  state.events.push({ type: 'battery.stranded', tick: state.tick, robot: i, task: r.task[i]!, carrying: r.carriedLoad[i]! });
}

/** Sample-slot stage: battery totals every {@link SAMPLE_EVERY_SEC} s and at the horizon (`battery.sampled`). */
export function sampleBatteries(model: SimModel, state: SimState): void {
  const b = batteryRows.table(state);
  if (b.count === 0) return;
  const r = robotRows.table(state);
  for (let i = 0; i < b.count; i++) if (b.chargingAt[i]! >= 0 || isQueued(state, i)) b.downtimeTicks[i] = b.downtimeTicks[i]! + 1;
  const elapsed = state.tick + 1;
  if (elapsed % (SAMPLE_EVERY_SEC * model.hz) !== 0 && elapsed !== model.horizonTicks) return;
  let downtime = 0;
  let stranded = 0;
  let minSoc = 100;
  let sumSoc = 0;
  for (let i = 0; i < b.count; i++) {
    downtime += b.downtimeTicks[i]!;
    stranded += b.stranded[i]!;
    const soc = (100 * r.batteryWh[i]!) / b.capacityWh[i]!;
    minSoc = Math.min(minSoc, soc);
    sumSoc += soc;
  }
  state.events.push({
    type: 'battery.sampled',
    tick: state.tick,
    downtimeSec: downtime / model.hz,
    stranded,
    minSocPct: Math.round(minSoc * 10) / 10,
    meanSocPct: Math.round((sumSoc / b.count) * 10) / 10,
  });
}

/** Whether robot `i` waits in some charger's queue. */
function isQueued(state: SimState, i: number): boolean {
  const c = state.things.charger as unknown as { count: number; queue: number[][] } | undefined;
  if (!c) return false;
  for (let k = 0; k < c.count; k++) if (c.queue[k]!.includes(i)) return true;
  return false;
}
