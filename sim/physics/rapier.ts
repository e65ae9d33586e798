/**
 * The only module that imports Rapier. Everything physical the sim needs goes through
 * {@link PhysicsWorld}: chassis are kinematic bodies driven by our own motion model (Rapier still
 * detects their contacts). Loads rest as fixed bodies, ride as kinematic bodies while carried, and
 * fall and settle as dynamic bodies for a moment after they are set down.
 */
import RAPIER from '@dimforge/rapier3d-deterministic-compat';
import type { SimModel } from '../model/sim-model.ts';

let ready: Promise<void> | null = null;

/** Loads Rapier's WASM once per thread (≈150 ms). Call before creating worlds. */
export function initPhysics(): Promise<void> {
  ready ??= RAPIER.init();
  return ready;
}

/** What a collider belongs to. */
export const OwnerKind = { Floor: 0, Static: 1, Robot: 2, Load: 3 } as const;
export type OwnerKind = (typeof OwnerKind)[keyof typeof OwnerKind];

/** Collision groups: membership in the high 16 bits, filter in the low 16. */
const G_FLOOR = 1;
const G_STATIC = 2;
const G_ROBOT = 4;
const G_LOAD = 8;
/** The foot plate of a pod: meets only the floor. */
const G_LOAD_FOOT = 16;
const groups = (member: number, filter: number) => (member << 16) | filter;

const KINEMATIC_ACTIVE =
  RAPIER.ActiveCollisionTypes.DEFAULT | RAPIER.ActiveCollisionTypes.KINEMATIC_FIXED | RAPIER.ActiveCollisionTypes.KINEMATIC_KINEMATIC;

/** Handles of everything created, in creation order; restored alongside a snapshot. */
interface HandleTables {
  robotBody: number[];
  loadBody: number[];
  /** collider handle → owner code (kind × 2^24 + id). */
  owners: Array<[number, number]>;
}

/** A contact that began or ended during the last step, between two owners. */
export interface ContactPair {
  kindA: OwnerKind;
  idA: number;
  kindB: OwnerKind;
  idB: number;
  started: boolean;
}

/** Yaw quaternion (about +Y) whose forward axis (+x local) points along the unit heading (hx, hz). */
export function yawQuaternion(hx: number, hz: number): { x: number; y: number; z: number; w: number } {
  // forward = (cos θ, 0, -sin θ): cos θ = hx, sin θ = -hz. Half-angle identities, no trigonometry.
  const w = Math.sqrt(Math.max(0, (1 + hx) / 2));
  let y = Math.sqrt(Math.max(0, (1 - hx) / 2));
  if (-hz < 0) y = -y;
  return { x: 0, y, z: 0, w };
}

/** The Rapier world of one episode. */
export class PhysicsWorld {
  /** Live body objects by robot and load id (saves a handle lookup per call on hot paths). */
  private readonly robotBodies: RAPIER.RigidBody[];
  private readonly loadBodies: RAPIER.RigidBody[];
  /** Chassis centre height of each robot (constant: chassis only move in the plane). */
  private readonly robotY: number[];

  private constructor(
    private world: RAPIER.World,
    private readonly handles: HandleTables,
    private readonly ownerOf: Map<number, number>,
    private readonly queue = new RAPIER.EventQueue(true),
  ) {
    this.robotBodies = handles.robotBody.map((h) => world.getRigidBody(h));
    this.loadBodies = handles.loadBody.map((h) => world.getRigidBody(h));
    this.robotY = this.robotBodies.map((b) => b.translation().y);
  }

  /** Builds the world of a model: floor, walls, tote stands, loads at home, robots at spawn. */
  static create(model: SimModel): PhysicsWorld {
    const world = new RAPIER.World({ x: 0, y: -9.81, z: 0 });
    world.timestep = model.dtSec;
    const handles: HandleTables = { robotBody: [], loadBody: [], owners: [] };
    const own = (collider: RAPIER.Collider, kind: OwnerKind, id: number) => {
      handles.owners.push([collider.handle, kind * 2 ** 24 + id]);
    };
    const { grid, roadmap } = model;
    const cellM = grid.cellM;
    const widthM = grid.cols * cellM;
    const depthM = grid.rows * cellM;

    const fixed = world.createRigidBody(RAPIER.RigidBodyDesc.fixed());
    const floor = world.createCollider(
      RAPIER.ColliderDesc.cuboid(widthM / 2, 0.05, depthM / 2)
        .setTranslation(widthM / 2, -0.05, depthM / 2)
        .setCollisionGroups(groups(G_FLOOR, G_LOAD | G_LOAD_FOOT)),
      fixed,
    );
    own(floor, OwnerKind.Floor, 0);
    model.walls.forEach((run, i) => {
      const halfX = ((run.col1 - run.col0 + 1) * cellM) / 2;
      const wall = world.createCollider(
        RAPIER.ColliderDesc.cuboid(halfX, 1.2, cellM / 2)
          .setTranslation(run.col0 * cellM + halfX, 1.2, (run.row + 0.5) * cellM)
          .setCollisionGroups(groups(G_STATIC, G_ROBOT | G_LOAD)),
        fixed,
      );
      own(wall, OwnerKind.Static, i);
    });

    for (const load of model.loads) {
      const geo = model.loadGeometry[load.kind];
      const x = roadmap.nodeX[load.homeNode]!;
      const z = roadmap.nodeZ[load.homeNode]!;
      if (load.kind === 'tote') {
        // A fixed stand holds the tote at clearance height; robots drive in under it.
        const stand = RAPIER.ColliderDesc.cuboid(0.04, 0.2, geo.widthM / 2)
          .setCollisionGroups(groups(G_STATIC, G_ROBOT | G_LOAD));
        for (const side of [-1, 1]) {
          own(world.createCollider(stand.setTranslation(x + side * (geo.widthM / 2 + 0.02), 0.2, z), fixed), OwnerKind.Static, 10_000 + load.id);
        }
      }
      const baseY = model.loadBaseYM[load.id]!;
      // Resting loads are fixed bodies; they turn dynamic only while settling after a drop.
      const body = world.createRigidBody(RAPIER.RigidBodyDesc.fixed().setTranslation(x, baseY, z));
      handles.loadBody.push(body.handle);
      for (const desc of loadColliders(load.kind, geo)) own(world.createCollider(desc, body), OwnerKind.Load, load.id);
    }

    for (const robot of model.robots) {
      const fp = robot.model.footprint;
      const x = roadmap.nodeX[robot.spawnNode]!;
      const z = roadmap.nodeZ[robot.spawnNode]!;
      const body = world.createRigidBody(RAPIER.RigidBodyDesc.kinematicPositionBased().setTranslation(x, fp.heightM / 2, z));
      handles.robotBody.push(body.handle);
      const collider = world.createCollider(
        RAPIER.ColliderDesc.cuboid(fp.lengthM / 2, fp.heightM / 2, fp.widthM / 2)
          .setMass(robot.model.massKg)
          .setCollisionGroups(groups(G_ROBOT, G_STATIC | G_ROBOT | G_LOAD))
          .setActiveCollisionTypes(KINEMATIC_ACTIVE)
          .setActiveEvents(RAPIER.ActiveEvents.COLLISION_EVENTS),
        body,
      );
      own(collider, OwnerKind.Robot, robot.id);
    }
    return new PhysicsWorld(world, handles, new Map(handles.owners));
  }

  /** Rebuilds a world from {@link snapshot} bytes and the handle tables it was taken with. */
  static restore(bytes: Uint8Array, handlesJson: string, dtSec: number): PhysicsWorld {
    const world = RAPIER.World.restoreSnapshot(bytes);
    world.timestep = dtSec;
    const handles = JSON.parse(handlesJson) as HandleTables;
    return new PhysicsWorld(world, handles, new Map(handles.owners));
  }

  /** Sets where a robot chassis will be after the next step. */
  setRobotPose(robot: number, x: number, z: number, hx: number, hz: number): void {
    const body = this.robotBodies[robot]!;
    body.setNextKinematicTranslation({ x, y: this.robotY[robot]!, z });
    body.setNextKinematicRotation(yawQuaternion(hx, hz));
  }

  /** Makes a load kinematic so it rides on a robot (see {@link setCarriedLoadPose}). */
  attachLoad(load: number): void {
    const body = this.loadBodies[load]!;
    body.setBodyType(RAPIER.RigidBodyType.KinematicPositionBased, true);
  }

  /** Where a carried load will be after the next step; loads keep their orientation (turntable). */
  setCarriedLoadPose(load: number, x: number, y: number, z: number): void {
    this.loadBodies[load]!.setNextKinematicTranslation({ x, y, z });
  }

  /** Sets a carried load down: it becomes dynamic and settles under gravity (see {@link fixLoad}). */
  releaseLoad(load: number): void {
    const body = this.loadBodies[load]!;
    body.setBodyType(RAPIER.RigidBodyType.Dynamic, true);
    body.setLinvel({ x: 0, y: 0, z: 0 }, true);
    body.setAngvel({ x: 0, y: 0, z: 0 }, true);
  }

  /** A settled load becomes a fixed body again where it came to rest (cheap, and immovable). */
  fixLoad(load: number): void {
    this.loadBodies[load]!.setBodyType(RAPIER.RigidBodyType.Fixed, false);
  }

  /** Current pose of a load's body. */
  loadPose(load: number): { x: number; y: number; z: number; qx: number; qy: number; qz: number; qw: number } {
    const body = this.loadBodies[load]!;
    const t = body.translation();
    const q = body.rotation();
    return { x: t.x, y: t.y, z: t.z, qx: q.x, qy: q.y, qz: q.z, qw: q.w };
  }

  /** Current translation of a robot's body (after the last step). */
  robotTranslation(robot: number): { x: number; y: number; z: number } {
    return this.robotBodies[robot]!.translation();
  }

  /**
   * A planar range scan from a robot's centre at chassis mid-height: for each unit direction
   * `(dirs[2k], dirs[2k+1])` the distance to the first wall, robot or carried load, capped at
   * `rangeM`. The robot's own body is not seen.
   */
  rangeScan(robot: number, x: number, z: number, heightM: number, dirs: Float64Array, rangeM: number, out: Float32Array): void {
    const body = this.robotBodies[robot]!;
    const filter = groups(0xffff, G_STATIC | G_ROBOT | G_LOAD);
    for (let k = 0; k < out.length; k++) {
      const ray = new RAPIER.Ray({ x, y: heightM, z }, { x: dirs[2 * k]!, y: 0, z: dirs[2 * k + 1]! });
      const hit = this.world.castRay(ray, rangeM, true, undefined, filter, undefined, body);
      out[k] = hit ? hit.timeOfImpact : rangeM;
    }
  }

  /**
   * Advances the physics by one fixed timestep. Calls the physics pipeline directly: the
   * bindings' `World.step()` adds a walk over every body and collider handle (one JS callback
   * each) to re-sync its JS-side maps after each step, which is dead work here because bodies and
   * colliders are only created when the world is built. Same computation, same snapshot bytes.
   */
  step(): void {
    const w = this.world;
    w.physicsPipeline.step(w.gravity, w.integrationParameters, w.islands, w.broadPhase, w.narrowPhase, w.bodies, w.colliders, w.softBodies, w.impulseJoints, w.multibodyJoints, w.ccdSolver, this.queue);
  }

  /** Contacts that began or ended in the last step, floor contacts excluded, in Rapier's order. */
  drainContacts(onPair: (pair: ContactPair) => void): void {
    this.queue.drainCollisionEvents((h1, h2, started) => {
      const a = this.ownerOf.get(h1);
      const b = this.ownerOf.get(h2);
      if (a === undefined || b === undefined) return;
      const kindA = Math.floor(a / 2 ** 24) as OwnerKind;
      const kindB = Math.floor(b / 2 ** 24) as OwnerKind;
      if (kindA === OwnerKind.Floor || kindB === OwnerKind.Floor) return;
      onPair({ kindA, idA: a % 2 ** 24, kindB, idB: b % 2 ** 24, started });
    });
  }

  /** Rapier's own serialisation of the whole world (bodies, colliders, contact graph). */
  snapshot(): Uint8Array {
    return this.world.takeSnapshot();
  }

  /** Handle tables, JSON, to pass to {@link restore}. */
  handlesJson(): string {
    return JSON.stringify(this.handles);
  }

  /** Numbers for the sim-speed report. */
  stats(): { bodies: number; colliders: number } {
    return { bodies: this.world.bodies.len(), colliders: this.world.colliders.len() };
  }

  /** Frees the WASM memory of this world. */
  free(): void {
    this.queue.free();
    this.world.free();
  }
}

/**
 * Collision shapes of a load. A pod is its shelf block above the clearance (what carried pods,
 * walls and chassis can hit) plus one thin foot plate that only meets the floor, so a set-down
 * pod stands on it while it settles. Chassis (lower than the clearance) pass under resting pods
 * without a single contact pair: two colliders a pod instead of five keeps 1,000-robot floors cheap.
 * A tote is one box.
 */
function loadColliders(kind: 'pod' | 'tote', geo: SimModel['loadGeometry']['pod']): RAPIER.ColliderDesc[] {
  const half = geo.widthM / 2;
  const body = groups(G_LOAD, G_FLOOR | G_STATIC | G_ROBOT | G_LOAD);
  if (kind === 'tote') {
    return [RAPIER.ColliderDesc.cuboid(half, geo.heightM / 2, half * 0.7).setTranslation(0, geo.heightM / 2, 0).setMass(geo.massKg).setCollisionGroups(body).setActiveCollisionTypes(KINEMATIC_ACTIVE)];
  }
  const shelfHalfY = (geo.heightM - geo.clearanceM) / 2;
  const footHalfY = 0.01;
  return [
    RAPIER.ColliderDesc.cuboid(half, shelfHalfY, half)
      .setTranslation(0, geo.clearanceM + shelfHalfY, 0)
      .setMass(geo.massKg * 0.9)
      .setCollisionGroups(groups(G_LOAD, G_STATIC | G_ROBOT | G_LOAD))
      .setActiveCollisionTypes(KINEMATIC_ACTIVE),
    RAPIER.ColliderDesc.cuboid(half - geo.legM, footHalfY, half - geo.legM)
      .setTranslation(0, footHalfY, 0)
      .setMass(geo.massKg * 0.1)
      .setCollisionGroups(groups(G_LOAD_FOOT, G_FLOOR)),
  ];
}
