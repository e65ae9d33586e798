import { KindIndex, PhysicsWorld, RobotMode, type SimHost, type SimSnapshot } from '../../../sim/index.ts';
import { robotRows } from '../../../sim/index.ts';
import { loadRows } from '../../../sim/index.ts';

/** What changed in the physics during one tick: poses set and load body-type switches. */
interface TickMotion {
  robots: Array<[robot: number, x: number, y: number, z: number, hx: number, hz: number]>;
  loads: Array<[load: number, x: number, y: number, z: number]>;
  attached: number[];
  released: number[];
  fixed: number[];
}

/**
 * Records, after each tick, the chassis poses that changed, the carried-load poses the sim set (its
 * robot moved, or is lifting or dropping) and the loads picked up, set down or fixed, so the same
 * motion can be replayed on bare Rapier with the same pose updates.
 */
export function createMotionRecorder(host: SimHost): { ticks: TickMotion[]; record(): void } {
  const r = robotRows.table(host.state);
  const loads = loadRows.table(host.state);
  const prev = { x: Float64Array.from(r.posX), z: Float64Array.from(r.posZ), hx: Float64Array.from(r.headX), hz: Float64Array.from(r.headZ) };
  /** The robot carrying load `l`, or -1. */
  const carrierOf = (l: number) => (loads.holderKind[l] === 0 ? loads.holderId[l]! : -1);
  const prevCarried = Int32Array.from({ length: loads.count }, (_, l) => carrierOf(l));
  const prevSettle = Int32Array.from(loads.settleTicksLeft);
  const movedThisTick = new Uint8Array(r.count);
  const chassisY = Float64Array.from(robotRows.things(host.model), (robot) => robot.model.footprint.heightM / 2);
  const ticks: TickMotion[] = [];
  return {
    ticks,
    record() {
      const state = host.state;
      const motion: TickMotion = { robots: [], loads: [], attached: [], released: [], fixed: [] };
      movedThisTick.fill(0);
      for (let i = 0; i < r.count; i++) {
        if (r.posX[i] === prev.x[i] && r.posZ[i] === prev.z[i] && r.headX[i] === prev.hx[i] && r.headZ[i] === prev.hz[i]) continue;
        motion.robots.push([i, r.posX[i]!, chassisY[i]!, r.posZ[i]!, r.headX[i]!, r.headZ[i]!]);
        movedThisTick[i] = 1;
        prev.x[i] = r.posX[i]!;
        prev.z[i] = r.posZ[i]!;
        prev.hx[i] = r.headX[i]!;
        prev.hz[i] = r.headZ[i]!;
      }
      for (let l = 0; l < loads.count; l++) {
        const carrier = carrierOf(l);
        if (carrier >= 0 && prevCarried[l]! < 0) motion.attached.push(l);
        if (carrier < 0 && prevCarried[l]! >= 0) motion.released.push(l);
        if (loads.settleTicksLeft[l] === 0 && prevSettle[l]! > 0 && carrier < 0) motion.fixed.push(l);
        // The sim sets a carried load's pose when its robot moved or is lifting or dropping.
        const handling = carrier >= 0 && (r.mode[carrier] === RobotMode.Lifting || r.mode[carrier] === RobotMode.Dropping);
        if (carrier >= 0 && (movedThisTick[carrier] === 1 || handling || prevCarried[l]! < 0)) {
          const p = state.physics.bodyTranslation(KindIndex.Load, l);
          motion.loads.push([l, p.x, p.y, p.z]);
        }
        prevCarried[l] = carrier;
        prevSettle[l] = loads.settleTicksLeft[l]!;
      }
      ticks.push(motion);
    },
  };
}

/**
 * Replays recorded motion on a copy of the world restored from `snapshot`; returns the wall
 * milliseconds the ticks after the first `skipTicks` took (the first step after a restore also
 * rebuilds caches a running world already has, so callers skip it on both sides).
 */
export function replayMotion(snapshot: SimSnapshot, dtSec: number, ticks: readonly TickMotion[], skipTicks = 0): number {
  const world = PhysicsWorld.restore(snapshot.world, snapshot.handles, dtSec);
  try {
    let t0 = performance.now();
    ticks.forEach((m, k) => {
      if (k === skipTicks) t0 = performance.now();
      for (const l of m.attached) world.makeKinematic(KindIndex.Load, l);
      for (const [i, x, y, z, hx, hz] of m.robots) world.setNextYawPose(KindIndex.Robot, i, x, y, z, hx, hz);
      for (const [l, x, y, z] of m.loads) world.setNextTranslation(KindIndex.Load, l, x, y, z);
      world.step();
      world.drainContacts(() => undefined);
      for (const l of m.released) world.makeDynamic(KindIndex.Load, l);
      for (const l of m.fixed) world.makeFixed(KindIndex.Load, l);
    });
    return performance.now() - t0;
  } finally {
    world.free();
  }
}
