/**
 * Measures the two ways to move items on a belt in Rapier 0.21 JS (no surface velocity):
 *  - `kinematic`: items are kinematic bodies posed on the belt's path every tick, with 1-D
 *    accumulation logic (what DES tools do);
 *  - `dynamic`: items are dynamic boxes lying on a fixed belt box; every tick each item in the
 *    belt's zone gets its velocity along the belt set toward belt speed (the sensor-zone approach).
 * Both queue at a fixed end stop. Prints ms per world.step() per item, mean speed error while
 * free-running, and the worst overlap between neighbours once queued. Also the cost of a pool of
 * parked (fixed, off-floor) bodies. Run: `npx tsx tests/sim/conveyor/measure-approaches.ts`.
 */
import RAPIER from '@dimforge/rapier3d-deterministic-compat';

const DT = 1 / 30;
const SPEED = 0.5;
const LEN = 0.3; // item length along the belt
const HALF = LEN / 2;
const GAP = 0.05;

/** Items start spread over the belt, front first; none is blocked before {@link freeTicks}. */
const startX = (n: number, i: number) => 0.2 + (n - 1 - i) * 0.7;
const freeTicks = (n: number) => Math.floor((n * 0.8 + 4 - HALF - startX(n, 0) - 0.2) / SPEED / DT);

interface Result {
  stepMsPerItem: number;
  stepMs: number;
  speedErr: number;
  worstOverlapM: number;
}

function build(_n: number, beltLen: number, beltFriction = 0.5) {
  const world = new RAPIER.World({ x: 0, y: -9.81, z: 0 });
  world.timestep = DT;
  const fixed = world.createRigidBody(RAPIER.RigidBodyDesc.fixed());
  world.createCollider(
    RAPIER.ColliderDesc.cuboid(beltLen / 2, 0.05, 0.3)
      .setTranslation(beltLen / 2, 0.75, 0)
      .setFriction(beltFriction),
    fixed,
  );
  world.createCollider(RAPIER.ColliderDesc.cuboid(0.02, 0.2, 0.3).setTranslation(beltLen + 0.02, 0.9, 0), fixed); // end stop
  return world;
}

function runKinematic(n: number, beltLen: number, ticks: number): Result {
  const world = build(n, beltLen);
  const s = new Float64Array(n);
  const bodies: RAPIER.RigidBody[] = [];
  for (let i = 0; i < n; i++) {
    s[i] = startX(n, i);
    const b = world.createRigidBody(RAPIER.RigidBodyDesc.kinematicPositionBased().setTranslation(s[i]!, 0.9, 0));
    world.createCollider(RAPIER.ColliderDesc.cuboid(HALF, 0.1, 0.1), b);
    bodies.push(b);
  }
  let stepMs = 0;
  let speedErr = 0;
  let speedN = 0;
  for (let t = 0; t < ticks; t++) {
    for (let i = 0; i < n; i++) {
      const limit = i === 0 ? beltLen - HALF : s[i - 1]! - LEN - GAP;
      s[i] = Math.min(s[i]! + SPEED * DT, limit);
      bodies[i]!.setNextKinematicTranslation({ x: s[i]!, y: 0.9, z: 0 });
    }
    const before = bodies.map((b) => b.translation().x);
    const t0 = performance.now();
    world.step();
    stepMs += performance.now() - t0;
    if (t < freeTicks(n))
      for (let i = 0; i < n; i++) {
        speedErr += Math.abs((bodies[i]!.translation().x - before[i]!) / DT - SPEED) / SPEED;
        speedN++;
      }
  }
  const xs = bodies.map((b) => b.translation().x);
  let worst = 0;
  for (let i = 1; i < n; i++) worst = Math.max(worst, LEN - (xs[i - 1]! - xs[i]!));
  world.free();
  return { stepMs: stepMs / ticks, stepMsPerItem: stepMs / ticks / n, speedErr: speedN ? speedErr / speedN : 0, worstOverlapM: worst };
}

function runDynamic(n: number, beltLen: number, ticks: number): Result {
  // Best case for this approach: a frictionless belt (friction would eat μ·g·dt of the set speed every step).
  const world = build(n, beltLen, 0);
  const bodies: RAPIER.RigidBody[] = [];
  for (let i = 0; i < n; i++) {
    const b = world.createRigidBody(RAPIER.RigidBodyDesc.dynamic().setTranslation(startX(n, i), 0.901, 0));
    world.createCollider(RAPIER.ColliderDesc.cuboid(HALF, 0.1, 0.1).setMass(1).setFriction(0).setFrictionCombineRule(RAPIER.CoefficientCombineRule.Min), b);
    bodies.push(b);
  }
  let stepMs = 0;
  let speedErr = 0;
  let speedN = 0;
  for (let t = 0; t < ticks; t++) {
    for (const b of bodies) {
      const v = b.linvel();
      // drive toward belt speed along x (the zone is the belt's footprint), keep the fall speed
      b.setLinvel({ x: SPEED, y: v.y, z: 0 }, true);
    }
    const before = bodies.map((b) => b.translation().x);
    const t0 = performance.now();
    world.step();
    stepMs += performance.now() - t0;
    if (t > 15 && t < freeTicks(n))
      for (let i = 0; i < n; i++) {
        speedErr += Math.abs((bodies[i]!.translation().x - before[i]!) / DT - SPEED) / SPEED;
        speedN++;
      }
  }
  const xs = bodies.map((b) => b.translation().x).sort((a, b) => b - a);
  let worst = 0;
  for (let i = 1; i < n; i++) worst = Math.max(worst, LEN - (xs[i - 1]! - xs[i]!));
  world.free();
  return { stepMs: stepMs / ticks, stepMsPerItem: stepMs / ticks / n, speedErr: speedN ? speedErr / speedN : 0, worstOverlapM: worst };
}

function parkedCost(n: number, ticks: number, disabled: boolean): number {
  const world = build(0, 10);
  for (let i = 0; i < n; i++) {
    const b = world.createRigidBody(RAPIER.RigidBodyDesc.fixed().setTranslation(i * 0.5, -20, 0));
    world.createCollider(RAPIER.ColliderDesc.cuboid(0.15, 0.1, 0.1), b);
    if (disabled) b.setEnabled(false);
  }
  let ms = 0;
  for (let t = 0; t < ticks; t++) {
    const t0 = performance.now();
    world.step();
    ms += performance.now() - t0;
  }
  world.free();
  return ms / ticks;
}

await RAPIER.init();
const warm = performance.now();
while (performance.now() - warm < 3000) runKinematic(50, 40, 60), runDynamic(50, 40, 60);
for (const n of [20, 100, 400]) {
  const beltLen = n * 0.8 + 4;
  const ticks = Math.ceil((beltLen * 2) / SPEED / DT);
  const k = runKinematic(n, beltLen, ticks);
  const d = runDynamic(n, beltLen, ticks);
  const fmt = (r: Result) =>
    `${(r.stepMsPerItem * 1000).toFixed(2)} µs/item/tick (step ${r.stepMs.toFixed(3)} ms), speed error ${(r.speedErr * 100).toFixed(2)} %, worst overlap ${(r.worstOverlapM * 1000).toFixed(1)} mm`;
  console.log(`n=${n} kinematic: ${fmt(k)}`);
  console.log(`n=${n} dynamic:   ${fmt(d)}`);
}
for (const n of [0, 100, 1000])
  console.log(`parked pool of ${n}: fixed ${parkedCost(n, 600, false).toFixed(4)} ms, fixed and disabled ${parkedCost(n, 600, true).toFixed(4)} ms per step`);
