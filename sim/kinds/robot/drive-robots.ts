import { CellKind } from '../../model/layout-grid.ts';
import { loadRows } from '../load/index.ts';
import { KindIndex } from '../../kind/kind-index.ts';
import { nodeAt } from '../../model/roadmap.ts';
import type { SimModel } from '../../model/sim-model.ts';
import type { SimState } from '../../state/sim-state.ts';
import { RobotMode, robotRows, type RobotTable } from './robot-columns.ts';
import { approach, clamp, rotateHeadingAt } from '../../util/motion-math.ts';
import type { RobotModelSpec } from '../../schema/robot-model-spec.ts';
import type { SafetyField } from './safety-field.ts';
import type { RobotScratch } from './robot-scratch.ts';
import { robotSpecs } from './robot-specs.ts';
import type { WaypointCache } from './waypoint-cache.ts';

/** Heading error (cosine) under which a robot turns in place before driving: about 6 degrees. */
const ALIGNED_COS = 0.9945;
const STEER_GAIN = 4;
/** Waypoints closer than this count as reached. */
const REACH_M = 1e-3;

/**
 * Motion-slot stage: the onboard controller and motion model of every robot. Works out target speed and
 * turn rate from the mode (drive setpoints or route following), caps speed with the safety field,
 * applies acceleration and turn-rate limits, integrates diff-drive kinematics and hands the new
 * pose to the kinematic chassis. Carried loads follow their robot.
 */
export function driveRobots(model: SimModel, state: SimState, scratch: RobotScratch): void {
  const r = robotRows.table(state);
  const { safety, waypoints } = scratch;
  const specs = robotSpecs(model);
  safety.beginTick(model, state);
  for (let i = 0; i < r.count; i++) {
    if (r.mode[i] === RobotMode.Hold && r.speedMps[i] === 0 && r.faultUntilTick[i]! < 0) standStill(model, r, specs[i]!, i);
    else driveRobot(model, state, r, specs[i]!, safety, waypoints, i);
  }
}

/**
 * A robot holding at rest: nothing moves and nothing is asked of the physics; only its idle power
 * draw is booked. The same arithmetic as {@link driveRobot} at zero speed and turn rate.
 */
function standStill(model: SimModel, r: RobotTable, spec: RobotModelSpec, i: number): void {
  const battery = spec.battery;
  r.blockedTicks[i] = 0;
  r.blockedBy[i] = -1;
  r.speedMps[i] = 0;
  r.turnRps[i] = 0;
  const energy = (battery.idleW * model.dtSec) / 3600;
  r.energyWh[i] = r.energyWh[i]! + energy;
  r.batteryWh[i] = Math.max(0, r.batteryWh[i]! - energy);
  if (r.task[i]! >= 0) r.busyTicks[i] = r.busyTicks[i]! + 1;
}

/** One robot's onboard controller and motion model for this tick (see {@link driveRobots}). */
function driveRobot(model: SimModel, state: SimState, r: RobotTable, spec: RobotModelSpec, safety: SafetyField, waypoints: WaypointCache, i: number): void {
  const dt = model.dtSec;
  const mode = r.mode[i]!;
  let targetV = 0;
  let targetW = 0;
  let stopWithinM = Infinity;
  if (r.faultUntilTick[i]! >= 0) {
    r.speedMps[i] = 0; // a bumper trip stops dead
  } else if (mode === RobotMode.Drive) {
    targetV = r.cmdSpeedMps[i]!;
    targetW = r.cmdTurnRps[i]!;
  } else if (mode === RobotMode.Follow) {
    followRoute(model, state, r, spec, waypoints, i, follow);
    targetV = r.routeCapMps[i]! > 0 ? Math.sign(follow.v) * Math.min(Math.abs(follow.v), r.routeCapMps[i]!) : follow.v;
    targetW = follow.w;
    stopWithinM = follow.stopWithinM;
  }
  let v = r.speedMps[i]!;
  const aStep = spec.maxAccelMps2 * dt;
  // Safety field: never faster than what lets us stop short of the obstacle ahead.
  const dir = targetV > 0 || (targetV === 0 && v > 0) ? 1 : targetV < 0 || v < 0 ? -1 : 0;
  if (dir !== 0) {
    const free = safety.freeDistanceAhead(model, state, i, dir, spec.safety.slowDistanceM + 0.5);
    // A planned stop short of the obstacle is always allowed: the robot halts before touching it.
    const stopShort = stopWithinM < free - 0.01 ? stopWithinM : 0;
    const room = Math.max(0, free - spec.safety.stopDistanceM, stopShort);
    const slowFactor = free >= spec.safety.slowDistanceM ? 1 : Math.max(0, room / Math.max(1e-6, spec.safety.slowDistanceM - spec.safety.stopDistanceM));
    const safeV = Math.min(spec.maxSpeedMps * Math.max(slowFactor, 0.25), Math.sqrt(2 * spec.maxAccelMps2 * room));
    const capped = room <= 0 ? 0 : safeV;
    if (Math.abs(targetV) > capped) {
      targetV = Math.sign(targetV) * capped;
      if (capped < 0.05) r.blockedTicks[i] = r.blockedTicks[i]! + 1;
    } else {
      r.blockedTicks[i] = 0;
    }
    // A sudden obstacle inside the stop distance brakes harder than the comfort limit.
    if (room <= 0) v = approach(v, 0, aStep * 3);
  } else {
    r.blockedTicks[i] = 0;
    r.blockedBy[i] = -1;
  }
  v = approach(v, clamp(targetV, -spec.maxSpeedMps, spec.maxSpeedMps), aStep);
  // Never overshoot a stop point: the last step lands on it exactly (see followRoute).
  if (Math.abs(v) * dt > stopWithinM) v = (Math.sign(v) * stopWithinM) / dt;
  const w = clamp(targetW, -spec.maxTurnRps, spec.maxTurnRps);
  r.speedMps[i] = v;
  r.turnRps[i] = w;
  if (w !== 0) rotateHeadingAt(r.headX, r.headZ, i, w * dt);
  if (v !== 0) {
    r.posX[i] = r.posX[i]! + v * dt * r.headX[i]!;
    r.posZ[i] = r.posZ[i]! + v * dt * r.headZ[i]!;
    r.distanceM[i] = r.distanceM[i]! + Math.abs(v) * dt;
  }
  if (mode === RobotMode.Follow) snapToReachedWaypoint(model, state, r, waypoints, i);
  const powerW = spec.battery.idleW + spec.battery.drivingWPerMps * Math.abs(v);
  const energy = (powerW * dt) / 3600;
  r.energyWh[i] = r.energyWh[i]! + energy;
  if (mode === RobotMode.Docked) r.batteryWh[i] = Math.min(spec.battery.capacityWh, r.batteryWh[i]! + (spec.battery.chargeW * dt) / 3600);
  else r.batteryWh[i] = Math.max(0, r.batteryWh[i]! - energy);
  if (r.task[i]! >= 0) r.busyTicks[i] = r.busyTicks[i]! + 1;
  const moved = v !== 0 || w !== 0;
  // Only moving bodies are touched, so standing robots cost the physics nothing.
  if (moved) state.physics.setNextYawPose(KindIndex.Robot, i, r.posX[i]!, spec.footprint.heightM / 2, r.posZ[i]!, r.headX[i]!, r.headZ[i]!);
  const load = r.carriedLoad[i]!;
  if (load >= 0 && (moved || mode === RobotMode.Lifting || mode === RobotMode.Dropping)) {
    const lift = liftProgress(model, r, spec, i);
    state.physics.setNextTranslation(KindIndex.Load, load, r.posX[i]!, loadRows.fields(model).loadBaseYM[load]! + lift * spec.liftHeightM, r.posZ[i]!);
  }
}

/** Route-following setpoints of one robot for this tick. */
interface FollowSetpoint {
  v: number;
  w: number;
  stopWithinM: number;
}

/** Scratch setpoints reused for every robot (the stage runs robot by robot, never re-entrantly). */
const follow: FollowSetpoint = { v: 0, w: 0, stopWithinM: 0 };

function setpoint(out: FollowSetpoint, v: number, w: number, stopWithinM: number): void {
  out.v = v;
  out.w = w;
  out.stopWithinM = stopWithinM;
}

/** 0 (lift down) to 1 (lift up), ramping while lifting or dropping. */
function liftProgress(model: SimModel, r: RobotTable, spec: RobotModelSpec, i: number): number {
  const total = Math.max(1, Math.round(spec.liftSec * model.hz));
  const left = r.handlingTicksLeft[i]!;
  if (r.mode[i] === RobotMode.Lifting) return 1 - left / total;
  if (r.mode[i] === RobotMode.Dropping) return left / total;
  return 1;
}

/**
 * Route tracking: turn in place toward the next waypoint, then drive with a speed profile that
 * stops exactly at the next stop point (route end, a corner, or a timed wait).
 */
function followRoute(model: SimModel, state: SimState, r: RobotTable, spec: RobotModelSpec, waypoints: WaypointCache, i: number, out: FollowSetpoint): void {
  const map = model.roadmap;
  const route = r.route[i]!;
  const notBefore = r.routeNotBefore[i]!;
  if (route.length === 0) {
    r.mode[i] = RobotMode.Hold;
    return setpoint(out, 0, 0, 0);
  }
  if (notBefore.length > 0 && state.tick < notBefore[0]!) return setpoint(out, 0, 0, 0);
  const x = r.posX[i]!;
  const z = r.posZ[i]!;
  const first = waypoints.entry(map, i, route[0]!);
  const tx = waypoints.x[first]!;
  const tz = waypoints.z[first]!;
  const dx = tx - x;
  const dz = tz - z;
  const dist = Math.sqrt(dx * dx + dz * dz);
  if (dist < REACH_M) return setpoint(out, 0, 0, 0);
  const ux = dx / dist;
  const uz = dz / dist;
  // Out of a tote stand a robot backs out rather than turn between the rails.
  const backOut = r.headX[i]! * ux + r.headZ[i]! * uz < -ALIGNED_COS && onToteStand(model, r, i);
  const sign = backOut ? -1 : 1;
  const hx = sign * r.headX[i]!;
  const hz = sign * r.headZ[i]!;
  const cosErr = hx * ux + hz * uz;
  const sinErr = hz * ux - hx * uz;
  if (cosErr < ALIGNED_COS) {
    // Stop, then rotate in place; slow the turn near alignment so it does not overshoot.
    if (Math.abs(r.speedMps[i]!) > 1e-3) return setpoint(out, 0, 0, Infinity);
    const turnSign = sinErr > 0 || (sinErr === 0 && cosErr < 0) ? 1 : -1;
    const w = cosErr < 0.7 ? turnSign * spec.maxTurnRps : clamp(STEER_GAIN * sinErr * 1.5, -spec.maxTurnRps, spec.maxTurnRps) + turnSign * 0.05;
    return setpoint(out, 0, w, 0);
  }
  // Distance to the next stop point: pass through collinear waypoints without a timed wait.
  let stopWithinM = dist;
  let px = tx;
  let pz = tz;
  for (let k = 1; k < route.length; k++) {
    if (notBefore.length > k && notBefore[k]! > state.tick + Math.ceil(stopWithinM / spec.maxSpeedMps / model.dtSec)) break;
    const e = waypoints.entry(map, i, route[k]!);
    const nx = waypoints.x[e]!;
    const nz = waypoints.z[e]!;
    const sx = nx - px;
    const sz = nz - pz;
    const len = Math.sqrt(sx * sx + sz * sz);
    if (len < 1e-9 || (sx / len) * ux + (sz / len) * uz < 0.999) break;
    stopWithinM += len;
    px = nx;
    pz = nz;
  }
  const v = sign * Math.min(spec.maxSpeedMps, Math.sqrt(2 * spec.maxAccelMps2 * stopWithinM));
  const w = clamp(STEER_GAIN * sinErr, -spec.maxTurnRps, spec.maxTurnRps);
  setpoint(out, v, w, stopWithinM);
}

/** Whether the robot stands in a tote stand's cell (rails on both sides: no turning there). */
function onToteStand(model: SimModel, r: RobotTable, i: number): boolean {
  const node = nodeAt(model.roadmap, model.grid.cols, model.grid.rows, r.posX[i]!, r.posZ[i]!);
  return node >= 0 && model.roadmap.nodeKind[node] === CellKind.ToteRack;
}

/** Pops waypoints the robot has reached; lands exactly on a stop point. */
function snapToReachedWaypoint(model: SimModel, state: SimState, r: RobotTable, waypoints: WaypointCache, i: number): void {
  const map = model.roadmap;
  const route = r.route[i]!;
  const notBefore = r.routeNotBefore[i]!;
  while (route.length > 0) {
    const at = waypoints.entry(map, i, route[0]!);
    const wx = waypoints.x[at]!;
    const wz = waypoints.z[at]!;
    const dx = wx - r.posX[i]!;
    const dz = wz - r.posZ[i]!;
    const motion = r.speedMps[i]! < 0 ? -1 : 1;
    const remaining = motion * (dx * r.headX[i]! + dz * r.headZ[i]!);
    // Reached when the waypoint is (numerically) at or just behind the chassis centre.
    if (remaining > REACH_M || dx * dx + dz * dz > 0.04) break;
    route.shift();
    if (notBefore.length > 0) notBefore.shift();
    if (route.length === 0) {
      r.posX[i] = wx;
      r.posZ[i] = wz;
      r.speedMps[i] = 0;
      r.mode[i] = RobotMode.Hold;
      break;
    }
    // A corner or a timed wait is a stop point: land on the node and stand still.
    const after = waypoints.entry(map, i, route[0]!);
    const nx = waypoints.x[after]! - wx;
    const nz = waypoints.z[after]! - wz;
    const len = Math.sqrt(nx * nx + nz * nz);
    const straight = len > 1e-9 && (motion * (nx * r.headX[i]! + nz * r.headZ[i]!)) / len >= ALIGNED_COS;
    const mustWait = notBefore.length > 0 && notBefore[0]! > state.tick + 1;
    if (!straight || mustWait) {
      r.posX[i] = wx;
      r.posZ[i] = wz;
      r.speedMps[i] = 0;
    }
  }
}
