import type { SimModel } from '../../model/sim-model.ts';
import { loadRows } from '../load/index.ts';
import { robotRows } from '../robot/index.ts';
import { personRows } from './person-columns.ts';
import type { SimState } from '../../state/sim-state.ts';
import type { SafetyField } from '../robot/index.ts';
import { SAMPLE_EVERY_SEC } from '../robot/index.ts';
import type { PersonModel } from './person-compile.ts';

/** Separation (metres) above the near-miss distance at which a robot counts as having left it again. */
const NEAR_MISS_HYSTERESIS_M = 0.1;

/**
 * Gap between robot `j` (a circle: half its chassis span or carried load) and person `i` (their
 * box), metres; negative when they overlap.
 */
function robotPersonSeparationM(model: SimModel, state: SimState, person: PersonModel, i: number, j: number): number {
  const p = personRows.table(state);
  const r = robotRows.table(state);
  const fp = robotRows.things(model)[j]!.model.footprint;
  const load = r.carriedLoad[j]!;
  const radius = Math.max(fp.lengthM, fp.widthM, load >= 0 ? loadRows.fields(model).loadGeometry[loadRows.things(model)[load]!.kind]!.widthM : 0) / 2;
  const dx = r.posX[j]! - p.posX[i]!;
  const dz = r.posZ[j]! - p.posZ[i]!;
  const lx = Math.abs(dx * p.headX[i]! + dz * p.headZ[i]!);
  const lz = Math.abs(-dx * p.headZ[i]! + dz * p.headX[i]!);
  const qx = Math.max(0, lx - person.geometry.lengthM / 2);
  const qz = Math.max(0, lz - person.geometry.widthM / 2);
  return Math.sqrt(qx * qx + qz * qz) - radius;
}

/**
 * Monitor-slot stage: per person, the smallest robot separation so far, near misses (a robot
 * coming inside `people.nearMissM`, once until it leaves again: `person.nearMiss`), and the
 * robot time lost to them (robots whose safety field is slowing or holding them for this person).
 */
export function monitorPeople(model: SimModel, state: SimState, safety: SafetyField, kindIndex: number): void {
  const p = personRows.table(state);
  const people = model.things.person as readonly PersonModel[];
  const threshold = personRows.fields(model).personNearMissM;
  const r = robotRows.table(state);
  for (let i = 0; i < p.count; i++) {
    const near = p.near[i]!;
    for (let j = 0; j < r.count; j++) {
      const dx = r.posX[j]! - p.posX[i]!;
      const dz = r.posZ[j]! - p.posZ[i]!;
      if (dx * dx + dz * dz > 25) {
        if (near.length > 0 && near.includes(j)) near.splice(near.indexOf(j), 1);
        continue;
      }
      const sep = robotPersonSeparationM(model, state, people[i]!, i, j);
      if (sep < p.minSepM[i]!) p.minSepM[i] = sep;
      const k = near.indexOf(j);
      if (sep < threshold && k < 0) {
        near.push(j);
        p.nearMisses[i] = p.nearMisses[i]! + 1;
        state.events.push({ type: 'person.nearMiss', tick: state.tick, person: i, robot: j, separationM: Math.round(sep * 1000) / 1000 });
      } else if (k >= 0 && sep > threshold + NEAR_MISS_HYSTERESIS_M) {
        near.splice(k, 1);
      }
    }
  }
  const obstacles = safety.obstacles;
  for (let j = 0; j < r.count; j++) {
    if (obstacles.limitedByKind[j] !== kindIndex) continue;
    if (obstacles.limitedFreeM[j]! >= robotRows.things(model)[j]!.model.safety.slowDistanceM) continue;
    const i = obstacles.limitedById[j]!;
    p.robotTicksLost[i] = p.robotTicksLost[i]! + 1;
  }
}

/** Sample-slot stage: people totals every {@link SAMPLE_EVERY_SEC} s and at the horizon (`people.sampled`), for the KPIs. */
export function samplePeople(model: SimModel, state: SimState): void {
  const p = personRows.table(state);
  if (p.count === 0) return;
  const elapsed = state.tick + 1;
  if (elapsed % (SAMPLE_EVERY_SEC * model.hz) !== 0 && elapsed !== model.horizonTicks) return;
  let minSep = Infinity;
  let nearMisses = 0;
  let lost = 0;
  for (let i = 0; i < p.count; i++) {
    minSep = Math.min(minSep, p.minSepM[i]!);
    nearMisses += p.nearMisses[i]!;
    lost += p.robotTicksLost[i]!;
  }
  state.events.push({ type: 'people.sampled', tick: state.tick, minSeparationM: Math.round(minSep * 1000) / 1000, nearMisses, robotSecLost: lost / model.hz });
}
