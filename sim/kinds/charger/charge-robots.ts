import type { SimModel } from '../../model/sim-model.ts';
import { robotRows } from '../robot/index.ts';
import { chargerRows } from './charger-columns.ts';
import { batteryRows } from '../battery/index.ts';
import type { SimState } from '../../state/sim-state.ts';
import type { BatteryTable } from '../battery/index.ts';
import { RobotMode } from '../robot/index.ts';
import { leaveQueues } from './charger-commands.ts';
import type { ChargerModel } from './charger-columns.ts';

/**
 * Process-slot stage: each charger charges the robot docked on it (`charge.started` when it docks,
 * `charge.ended` with the energy taken when it leaves). The robots' motion model already added the
 * model's `chargeW`; a charger with its own `powerW` corrects that share. A robot that leaves a
 * charger, or is stranded, leaves its queue.
 */
export function chargeRobots(model: SimModel, state: SimState): void {
  const c = chargerRows.table(state);
  const b = batteryRows.table(state);
  const chargers = model.things.charger as readonly ChargerModel[];
  const r = robotRows.table(state);
  for (let k = 0; k < c.count; k++) {
    const node = chargers[k]!.node;
    const was = c.occupant[k]!;
    let now = -1;
    if (was >= 0 && r.mode[was] === RobotMode.Docked) now = was;
    else {
      for (let i = 0; i < r.count; i++) {
        if (r.mode[i] !== RobotMode.Docked || b.chargingAt[i]! >= 0) continue;
        const dx = r.posX[i]! - model.roadmap.nodeX[node]!;
        const dz = r.posZ[i]! - model.roadmap.nodeZ[node]!;
        if (dx * dx + dz * dz < 0.01) {
          now = i;
          break;
        }
      }
    }
    if (was >= 0 && now !== was) {
      state.events.push({
        type: 'charge.ended',
        tick: state.tick,
        robot: was,
        charger: k,
        socPct: socPct(state, b, was),
        chargedWh: Math.round(b.sessionWh[was]! * 1000) / 1000,
      });
      b.chargingAt[was] = -1;
      leaveQueues(c, was);
    }
    if (now >= 0 && now !== was) {
      b.chargingAt[now] = k;
      b.sessionWh[now] = 0;
      c.sessions[k] = c.sessions[k]! + 1;
      state.events.push({ type: 'charge.started', tick: state.tick, robot: now, charger: k, socPct: socPct(state, b, now) });
    }
    c.occupant[k] = now;
    if (now >= 0) {
      const modelW = robotRows.things(model)[now]!.model.battery.chargeW;
      const powerW = chargers[k]!.powerW ?? modelW;
      const full = r.batteryWh[now]! >= b.capacityWh[now]!;
      r.batteryWh[now] = Math.min(b.capacityWh[now]!, Math.max(0, r.batteryWh[now]! + ((powerW - modelW) * model.dtSec) / 3600));
      // A full battery takes no more (the motion model's share was capped at capacity too).
      const delivered = full ? 0 : (powerW * model.dtSec) / 3600;
      b.sessionWh[now] = b.sessionWh[now]! + delivered;
      c.deliveredWh[k] = c.deliveredWh[k]! + delivered;
    }
  }
  for (let i = 0; i < b.count; i++) if (b.stranded[i] === 1) leaveQueues(c, i);
}

function socPct(state: SimState, b: BatteryTable, i: number): number {
  return Math.round((1000 * robotRows.table(state).batteryWh[i]!) / b.capacityWh[i]!) / 10;
}
