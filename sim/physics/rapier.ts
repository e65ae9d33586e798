/**
 * The only module that imports Rapier. Everything physical the sim needs goes through
 * {@link PhysicsWorld}. The world builds its floor and walls; every kind of thing adds its own
 * bodies through a {@link PhysicsBuilder} (descriptors, never Rapier objects), owned by
 * `(kind index, id)`, with collision groups from the kinds' collision layers.
 */
import RAPIER from '@dimforge/rapier3d-deterministic-compat';
import type { SimModel } from '../model/sim-model.ts';
import type { BodyDesc, BoxColliderDesc, Owner, PhysicsBuilder } from './physics-builder.ts';

let ready: Promise<void> | null = null;

/** Loads Rapier's WASM once per thread (≈150 ms). Call before creating worlds. */
export function initPhysics(): Promise<void> {
  ready ??= RAPIER.init();
  return ready;
}

/** Owner kind of the floor slab and of the static world (walls, stands) in contact reports. */
export const FLOOR_OWNER = -2;
export const STATIC_OWNER = -1;

const KINEMATIC_ACTIVE = RAPIER.ActiveCollisionTypes.DEFAULT | RAPIER.ActiveCollisionTypes.KINEMATIC_FIXED | RAPIER.ActiveCollisionTypes.KINEMATIC_KINEMATIC;

/** Handles of everything created, in creation order; restored alongside a snapshot. */
interface HandleTables {
  /** Body handle per kind index, per thing id. */
  bodies: number[][];
  /** collider handle → owner code ((kind + 2) × 2^24 + id). */
  owners: Array<[number, number]>;
}

const ownerCode = (owner: Owner) => (owner.kind + 2) * 2 ** 24 + owner.id;

/** A contact that began or ended during the last step, between two owners (kind indices, see {@link FLOOR_OWNER}). */
export interface ContactPair {
  kindA: number;
  idA: number;
  kindB: number;
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

/** Collision-group bits of layer names: membership in the high 16 bits, filter in the low 16. */
function groupsOf(layers: readonly string[]): (member: string, collidesWith: readonly string[], alsoMembers?: readonly string[]) => number {
  const bit = (name: string) => {
    const i = layers.indexOf(name);
    if (i < 0) throw new Error(`unknown collision layer "${name}"; declared: ${layers.join(', ')}`);
    return 1 << i;
  };
  return (member, collidesWith, alsoMembers) =>
    (((alsoMembers ?? []).reduce((m, l) => m | bit(l), bit(member)) << 16) | collidesWith.reduce((f, l) => f | bit(l), 0)) >>> 0;
}

/** The Rapier world of one episode. */
export class PhysicsWorld {
  /** Live body objects by kind index and thing id (saves a handle lookup per call on hot paths). */
  private readonly bodies: RAPIER.RigidBody[][];

  private constructor(
    private world: RAPIER.World,
    private readonly handles: HandleTables,
    private readonly ownerOf: Map<number, number>,
    private readonly layerGroups: ((member: string, collidesWith: readonly string[], alsoMembers?: readonly string[]) => number) | null,
    private readonly queue = new RAPIER.EventQueue(true),
  ) {
    this.bodies = handles.bodies.map((row) => (row ?? []).map((h) => world.getRigidBody(h)));
  }

  /** Builds the world of a model: floor and walls, then every kind's bodies (ascending build order). */
  static create(model: SimModel): PhysicsWorld {
    const world = new RAPIER.World({ x: 0, y: -9.81, z: 0 });
    world.timestep = model.dtSec;
    const handles: HandleTables = { bodies: model.kinds.kinds.map(() => []), owners: [] };
    const groups = groupsOf(model.kinds.layers);
    const fixed = world.createRigidBody(RAPIER.RigidBodyDesc.fixed());
    const { grid } = model;
    const cellM = grid.cellM;
    const widthM = grid.cols * cellM;
    const depthM = grid.rows * cellM;
    const collider = (d: BoxColliderDesc) => {
      let desc = RAPIER.ColliderDesc.cuboid(d.halfX, d.halfY, d.halfZ);
      if (d.offsetX !== undefined || d.offsetY !== undefined || d.offsetZ !== undefined)
        desc = desc.setTranslation(d.offsetX ?? 0, d.offsetY ?? 0, d.offsetZ ?? 0);
      if (d.rotation) desc = desc.setRotation(d.rotation);
      if (d.massKg !== undefined) desc = desc.setMass(d.massKg);
      desc = desc.setCollisionGroups(groups(d.layer, d.collidesWith, d.alsoLayers));
      if (d.kinematicContacts) desc = desc.setActiveCollisionTypes(KINEMATIC_ACTIVE);
      if (d.contactEvents) desc = desc.setActiveEvents(RAPIER.ActiveEvents.COLLISION_EVENTS);
      return desc;
    };
    const own = (c: RAPIER.Collider, owner: Owner) => handles.owners.push([c.handle, ownerCode(owner)]);
    const builder: PhysicsBuilder = {
      addBody(owner, desc: BodyDesc) {
        const base =
          desc.type === 'fixed'
            ? RAPIER.RigidBodyDesc.fixed()
            : desc.type === 'kinematic'
              ? RAPIER.RigidBodyDesc.kinematicPositionBased()
              : RAPIER.RigidBodyDesc.dynamic();
        let placed = base.setTranslation(desc.x, desc.y, desc.z);
        if (desc.q) placed = placed.setRotation({ x: desc.q[0], y: desc.q[1], z: desc.q[2], w: desc.q[3] });
        const body = world.createRigidBody(placed);
        if (desc.enabled === false) body.setEnabled(false);
        handles.bodies[owner.kind]![owner.id] = body.handle;
      },
      addCollider(owner, desc) {
        const handle = handles.bodies[owner.kind]?.[owner.id];
        if (handle === undefined) throw new Error(`no body for ${model.kinds.kinds[owner.kind]?.id ?? owner.kind}:${owner.id}; add it before its colliders`);
        own(world.createCollider(collider(desc), world.getRigidBody(handle)), owner);
      },
      addFixedCollider(owner, desc) {
        own(world.createCollider(collider({ ...desc, offsetX: desc.x, offsetY: desc.y, offsetZ: desc.z }), fixed), owner);
      },
    };

    builder.addFixedCollider(
      { kind: FLOOR_OWNER, id: 0 },
      { halfX: widthM / 2, halfY: 0.05, halfZ: depthM / 2, x: widthM / 2, y: -0.05, z: depthM / 2, layer: 'floor', collidesWith: model.kinds.meets.floor },
    );
    model.walls.forEach((run, i) => {
      const halfX = ((run.col1 - run.col0 + 1) * cellM) / 2;
      builder.addFixedCollider(
        { kind: STATIC_OWNER, id: i },
        {
          halfX,
          halfY: 1.2,
          halfZ: cellM / 2,
          x: run.col0 * cellM + halfX,
          y: 1.2,
          z: (run.row + 0.5) * cellM,
          layer: 'static',
          collidesWith: model.kinds.meets.static,
        },
      );
    });
    const order = model.kinds.kinds
      .map((kind, index) => ({ kind, index }))
      .sort((a, b) => (a.kind.buildOrder ?? 0) - (b.kind.buildOrder ?? 0) || a.index - b.index);
    for (const { kind } of order) kind.build?.(builder, model);
    return new PhysicsWorld(world, handles, new Map(handles.owners), groups);
  }

  /** Rebuilds a world from {@link snapshot} bytes and the handle tables it was taken with. */
  static restore(bytes: Uint8Array, handlesJson: string, dtSec: number, layers?: readonly string[]): PhysicsWorld {
    const world = RAPIER.World.restoreSnapshot(bytes);
    world.timestep = dtSec;
    const handles = JSON.parse(handlesJson) as HandleTables;
    return new PhysicsWorld(world, handles, new Map(handles.owners), layers ? groupsOf(layers) : null);
  }

  /** Where a kinematic body will be after the next step (orientation unchanged). */
  setNextTranslation(kind: number, id: number, x: number, y: number, z: number): void {
    this.bodies[kind]![id]!.setNextKinematicTranslation({ x, y, z });
  }

  /** Where a kinematic body will be after the next step, facing the unit heading (hx, hz) about +y. */
  setNextYawPose(kind: number, id: number, x: number, y: number, z: number, hx: number, hz: number): void {
    const body = this.bodies[kind]![id]!;
    body.setNextKinematicTranslation({ x, y, z });
    body.setNextKinematicRotation(yawQuaternion(hx, hz));
  }

  /** Where a kinematic body will be after the next step, with a full orientation (unit quaternion). */
  setNextPose(kind: number, id: number, x: number, y: number, z: number, qx: number, qy: number, qz: number, qw: number): void {
    const body = this.bodies[kind]![id]!;
    body.setNextKinematicTranslation({ x, y, z });
    body.setNextKinematicRotation({ x: qx, y: qy, z: qz, w: qw });
  }

  /** Puts a body at a pose at once, at rest (a pooled item spawned, a dropped thing reset). */
  teleport(kind: number, id: number, x: number, y: number, z: number, qx = 0, qy = 0, qz = 0, qw = 1): void {
    const body = this.bodies[kind]![id]!;
    body.setTranslation({ x, y, z }, true);
    body.setRotation({ x: qx, y: qy, z: qz, w: qw }, true);
    if (body.isDynamic()) {
      body.setLinvel({ x: 0, y: 0, z: 0 }, true);
      body.setAngvel({ x: 0, y: 0, z: 0 }, true);
    }
  }

  /** Sets a dynamic body's linear velocity in m/s (a belt drives what lies on it). */
  setLinearVelocity(kind: number, id: number, vx: number, vy: number, vz: number): void {
    this.bodies[kind]![id]!.setLinvel({ x: vx, y: vy, z: vz }, true);
  }

  /** A body's linear velocity in m/s. */
  bodyLinearVelocity(kind: number, id: number): { x: number; y: number; z: number } {
    return this.bodies[kind]![id]!.linvel();
  }

  /** Makes a body kinematic: it goes where it is put (a load picked up, an item on a belt). */
  makeKinematic(kind: number, id: number): void {
    this.bodies[kind]![id]!.setBodyType(RAPIER.RigidBodyType.KinematicPositionBased, true);
  }

  /** Makes a body dynamic and at rest: it falls and settles under gravity (a load set down). */
  makeDynamic(kind: number, id: number): void {
    const body = this.bodies[kind]![id]!;
    body.setBodyType(RAPIER.RigidBodyType.Dynamic, true);
    body.setLinvel({ x: 0, y: 0, z: 0 }, true);
    body.setAngvel({ x: 0, y: 0, z: 0 }, true);
  }

  /** Makes a body fixed where it is (cheap, and immovable). */
  makeFixed(kind: number, id: number): void {
    this.bodies[kind]![id]!.setBodyType(RAPIER.RigidBodyType.Fixed, false);
  }

  /** Current pose of a body. */
  bodyPose(kind: number, id: number): { x: number; y: number; z: number; qx: number; qy: number; qz: number; qw: number } {
    const body = this.bodies[kind]![id]!;
    const t = body.translation();
    const q = body.rotation();
    return { x: t.x, y: t.y, z: t.z, qx: q.x, qy: q.y, qz: q.z, qw: q.w };
  }

  /** Current translation of a body (after the last step). */
  bodyTranslation(kind: number, id: number): { x: number; y: number; z: number } {
    return this.bodies[kind]![id]!.translation();
  }

  /**
   * A planar range scan from `(x, heightM, z)`: for each unit direction `(dirs[2k], dirs[2k+1])` the
   * distance to the first collider on one of `layers`, capped at `rangeM`. The body of `(kind, id)`
   * itself is not seen.
   */
  rangeScan(
    kind: number,
    id: number,
    x: number,
    z: number,
    heightM: number,
    dirs: Float64Array,
    rangeM: number,
    layers: readonly string[],
    out: Float32Array,
  ): void {
    if (!this.layerGroups) throw new Error('range scans need the collision layers (restore with layers)');
    const body = this.bodies[kind]![id]!;
    const filter = (0xffff << 16) | (this.layerGroups(layers[0]!, layers) & 0xffff);
    for (let k = 0; k < out.length; k++) {
      const ray = new RAPIER.Ray({ x, y: heightM, z }, { x: dirs[2 * k]!, y: 0, z: dirs[2 * k + 1]! });
      const hit = this.world.castRay(ray, rangeM, true, undefined, filter, undefined, body);
      out[k] = hit ? hit.timeOfImpact : rangeM;
    }
  }

  /** A body's mass in kilograms (from its colliders). */
  bodyMassKg(kind: number, id: number): number {
    return this.bodies[kind]![id]!.mass();
  }

  /**
   * The first collider hit by the ray from `(ox, oy, oz)` along the unit direction `(dx, dy, dz)`
   * within `maxToi` metres, skipping colliders owned by kind `skipKind`: its owner, the distance
   * and the outward surface normal there. Null when nothing is hit. With `solid` false a ray
   * starting inside a collider hits its boundary on the way out. `skipWorld` also skips the floor
   * and the static world (a ray from below the floor up to a thing's bottom face).
   */
  castRayOwner(
    ox: number,
    oy: number,
    oz: number,
    dx: number,
    dy: number,
    dz: number,
    maxToi: number,
    skipKind: number,
    solid = true,
    skipWorld = false,
  ): { kind: number; id: number; toi: number; nx: number; ny: number; nz: number } | null {
    const ray = new RAPIER.Ray({ x: ox, y: oy, z: oz }, { x: dx, y: dy, z: dz });
    const skip = (c: RAPIER.Collider) => {
      const code = this.ownerOf.get(c.handle);
      const kind = code === undefined ? undefined : Math.floor(code / 2 ** 24) - 2;
      return kind === undefined || (kind !== skipKind && !(skipWorld && kind < 0));
    };
    const hit = this.world.castRayAndGetNormal(ray, maxToi, solid, undefined, undefined, undefined, undefined, skip);
    if (!hit) return null;
    const code = this.ownerOf.get(hit.collider.handle);
    if (code === undefined) return null;
    return { kind: Math.floor(code / 2 ** 24) - 2, id: code % 2 ** 24, toi: hit.timeOfImpact, nx: hit.normal.x, ny: hit.normal.y, nz: hit.normal.z };
  }

  /**
   * Advances the physics by one fixed timestep. Calls the physics pipeline directly: the
   * bindings' `World.step()` adds a walk over every body and collider handle (one JS callback
   * each) to re-sync its JS-side maps after each step, which is dead work here because bodies and
   * colliders are only created when the world is built. Same computation, same snapshot bytes.
   */
  step(): void {
    const w = this.world;
    w.physicsPipeline.step(
      w.gravity,
      w.integrationParameters,
      w.islands,
      w.broadPhase,
      w.narrowPhase,
      w.bodies,
      w.colliders,
      w.softBodies,
      w.impulseJoints,
      w.multibodyJoints,
      w.ccdSolver,
      this.queue,
    );
  }

  /** Whether any body can move (dynamic or kinematic); a world of only the floor and walls does not change when stepped. */
  hasMovingBodies(): boolean {
    let moving = false;
    this.world.bodies.forEach((b) => {
      if (!b.isFixed()) moving = true;
    });
    return moving;
  }

  /** Contacts that began or ended in the last step, floor contacts excluded, in Rapier's order. */
  drainContacts(onPair: (pair: ContactPair) => void): void {
    this.queue.drainCollisionEvents((h1, h2, started) => {
      const a = this.ownerOf.get(h1);
      const b = this.ownerOf.get(h2);
      if (a === undefined || b === undefined) return;
      const kindA = Math.floor(a / 2 ** 24) - 2;
      const kindB = Math.floor(b / 2 ** 24) - 2;
      if (kindA === FLOOR_OWNER || kindB === FLOOR_OWNER) return;
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

  /** Takes a body out of the simulation (false) or puts it back (true): a pooled item parked or spawned. */
  setBodyEnabled(kind: number, id: number, enabled: boolean): void {
    this.bodies[kind]![id]!.setEnabled(enabled);
  }

  /** Frees the WASM memory of this world. */
  free(): void {
    this.queue.free();
    this.world.free();
  }
}
