import type { SimModel } from '../../model/sim-model.ts';
import { loadRows } from '../load/index.ts';
import { robotRows } from '../robot/index.ts';
import { personRows } from './person-columns.ts';
import { createRng, seedRngState } from '../../rng/rng.ts';
import type { SimState } from '../../state/sim-state.ts';
import type { PersonModel } from './person-compile.ts';
import type { PersonTable } from './person-columns.ts';

/** Seconds a person gives way to something in front before turning back along the route. */
const TURN_BACK_AFTER_SEC = 6;
/** Gap (metres) a person keeps from the circle a robot sweeps turning in place. */
const CLEARANCE_M = 0.3;

/**
 * A seeded uniform number in [0, 1) for person `id`'s leg `leg`: its own stream per leg, forked by
 * name from the episode seed, so people never shift the orders' or anyone else's random stream.
 */
function personDraw(seed: number, id: number, leg: number, what: string): number {
  return createRng(seedRngState(seed, `people/${id}/${leg}/${what}`)).next();
}

/**
 * Motion-slot stage (after the robots moved): every person walks straight toward their next
 * waypoint at this leg's speed, pauses there, then goes on round the loop. A person gives way to a
 * robot or person close ahead and never steps into the lane of a robot driving at them; after
 * giving way for {@link TURN_BACK_AFTER_SEC} they turn back along their route.
 */
export function walkPeople(model: SimModel, state: SimState, kindIndex: number): void {
  const p = personRows.table(state);
  const people = model.things.person as readonly PersonModel[];
  const dt = model.dtSec;
  for (let i = 0; i < p.count; i++) {
    const person = people[i]!;
    if (p.pauseTicksLeft[i]! > 0) {
      p.pauseTicksLeft[i] = p.pauseTicksLeft[i]! - 1;
      p.speedMps[i] = 0;
      continue;
    }
    const n = person.routeX.length;
    if (p.legSpeedMps[i] === 0) p.legSpeedMps[i] = person.speedMps * (1 + person.variation * (2 * personDraw(state.seed, i, p.leg[i]!, 'speed') - 1));
    const x = p.posX[i]!;
    const z = p.posZ[i]!;
    const tx = person.routeX[p.target[i]!]!;
    const tz = person.routeZ[p.target[i]!]!;
    const dx = tx - x;
    const dz = tz - z;
    const dist = Math.sqrt(dx * dx + dz * dz);
    const step = p.legSpeedMps[i]! * dt;
    if (dist > 1e-9) {
      const ux = dx / dist;
      const uz = dz / dist;
      const s = Math.min(step, dist);
      if (mustGiveWay(model, state, i, person, x, z, ux, uz, s)) {
        p.speedMps[i] = 0;
        p.waitTicks[i] = p.waitTicks[i]! + 1;
        if (p.waitTicks[i]! >= TURN_BACK_AFTER_SEC * model.hz) turnBack(p, i, n);
        continue;
      }
      p.waitTicks[i] = 0;
      p.headX[i] = ux;
      p.headZ[i] = uz;
      p.posX[i] = x + ux * s;
      p.posZ[i] = z + uz * s;
      p.speedMps[i] = s / dt;
    }
    if (step >= dist) {
      p.posX[i] = tx;
      p.posZ[i] = tz;
      const pauseSec = person.pauseSec * (1 + person.variation * (2 * personDraw(state.seed, i, p.leg[i]!, 'pause') - 1));
      p.pauseTicksLeft[i] = Math.round(pauseSec * model.hz);
      p.target[i] = (((p.target[i]! + p.dir[i]!) % n) + n) % n;
      p.leg[i] = p.leg[i]! + 1;
      p.legSpeedMps[i] = 0;
    }
    state.physics.setNextYawPose(kindIndex, i, p.posX[i]!, person.geometry.heightM / 2, p.posZ[i]!, p.headX[i]!, p.headZ[i]!);
  }
}

function turnBack(p: PersonTable, i: number, n: number): void {
  p.dir[i] = -p.dir[i]!;
  p.target[i] = (((p.target[i]! + p.dir[i]!) % n) + n) % n;
  p.waitTicks[i] = 0;
  p.leg[i] = p.leg[i]! + 1;
  p.legSpeedMps[i] = 0;
}

/**
 * Whether person `i`, about to move `stepM` along (ux, uz), must wait: a robot or another person
 * is within its look-ahead in front, or the step would take it into the lane of a robot driving
 * toward it within that robot's braking distance (plus a metre).
 */
function mustGiveWay(model: SimModel, state: SimState, i: number, person: PersonModel, x: number, z: number, ux: number, uz: number, stepM: number): boolean {
  const g = person.geometry;
  const halfLen = g.lengthM / 2;
  const halfWid = g.widthM / 2;
  const bodyR = halfWid;
  const r = robotRows.table(state);
  const nx = x + ux * stepM;
  const nz = z + uz * stepM;
  for (let j = 0; j < r.count; j++) {
    const fp = robotRows.things(model)[j]!.model.footprint;
    const load = r.carriedLoad[j]!;
    const radius = Math.max(fp.lengthM, fp.widthM, load >= 0 ? loadRows.fields(model).loadGeometry[loadRows.things(model)[load]!.kind]!.widthM : 0) / 2;
    const dx = r.posX[j]! - x;
    const dz = r.posZ[j]! - z;
    if (dx * dx + dz * dz > 100) continue;
    if (inFront(dx, dz, ux, uz, halfLen, halfWid, radius, g.lookAheadM)) return true;
    // Never step closer than CLEARANCE_M to the circle a robot sweeps when it turns in place.
    const sweepR = Math.max(Math.sqrt(fp.lengthM * fp.lengthM + fp.widthM * fp.widthM) / 2, radius);
    const gapNext = Math.sqrt((r.posX[j]! - nx) ** 2 + (r.posZ[j]! - nz) ** 2) - halfLen - sweepR;
    if (gapNext < CLEARANCE_M && gapNext < Math.sqrt(dx * dx + dz * dz) - halfLen - sweepR) return true;
    const v = r.speedMps[j]!;
    if (Math.abs(v) < 0.05) continue;
    const spec = robotRows.things(model)[j]!.model;
    const sign = v > 0 ? 1 : -1;
    const hx = r.headX[j]! * sign;
    const hz = r.headZ[j]! * sign;
    const reachM = (v * v) / (2 * spec.maxAccelMps2) + 1 + g.keepOutM;
    const inLaneNow = inFront(-dx, -dz, hx, hz, radius, fp.widthM / 2, bodyR, reachM);
    const inLaneNext = inFront(nx - r.posX[j]!, nz - r.posZ[j]!, hx, hz, radius, fp.widthM / 2, bodyR, reachM);
    if (inLaneNext && !inLaneNow) return true;
  }
  const p = personRows.table(state);
  const people = model.things.person as readonly PersonModel[];
  for (let j = 0; j < p.count; j++) {
    if (j === i) continue;
    const dx = p.posX[j]! - x;
    const dz = p.posZ[j]! - z;
    if (dx * dx + dz * dz > 100) continue;
    if (inFront(dx, dz, ux, uz, halfLen, halfWid, people[j]!.geometry.widthM / 2, Math.min(g.lookAheadM, 0.4))) return true;
  }
  return false;
}

/** Whether a circle of `radius` at offset (dx, dz) lies ahead along (ux, uz) within `rangeM` of a front `halfLen` out, in a lane `halfWid` wide. */
function inFront(dx: number, dz: number, ux: number, uz: number, halfLen: number, halfWid: number, radius: number, rangeM: number): boolean {
  const along = dx * ux + dz * uz;
  if (along <= 0) return false;
  if (Math.abs(dx * uz - dz * ux) > halfWid + radius + 0.1) return false;
  return along - halfLen - radius < rangeM;
}
