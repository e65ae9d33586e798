/**
 * Physics descriptors a kind builds its bodies from (rapier.js's `RigidBodyDesc`/`ColliderDesc`
 * idea without importing Rapier: only `rapier.ts` does). Lengths in metres, masses in kilograms;
 * +y is up, x east, z south.
 */

/** How a body moves: never, where the sim puts it, or under forces and gravity. */
export type BodyType = 'fixed' | 'kinematic' | 'dynamic';

/** A rigid body at a position (identity rotation unless a unit quaternion `q` = [x, y, z, w] is given). */
export interface BodyDesc {
  readonly type: BodyType;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly q?: readonly [number, number, number, number];
  /** False: created disabled (out of the simulation, costs nothing per step until enabled). */
  readonly enabled?: boolean;
}

/** A box collider: half extents, offset from its body, collision layer and the layers it meets. */
export interface BoxColliderDesc {
  readonly halfX: number;
  readonly halfY: number;
  readonly halfZ: number;
  readonly offsetX?: number;
  readonly offsetY?: number;
  readonly offsetZ?: number;
  /** Rotation relative to its body (a unit quaternion); identity when absent (a curved belt's chords). */
  readonly rotation?: { readonly x: number; readonly y: number; readonly z: number; readonly w: number };
  /** Mass of this collider; Rapier's density default when absent. */
  readonly massKg?: number;
  /** The collision layer it belongs to (declared by a kind, or the world's `floor` / `static`). */
  readonly layer: string;
  /** Further layers it is a member of, so kinds that meet those layers meet it too (an arm link is also met as a robot). */
  readonly alsoLayers?: readonly string[];
  /** Layers it can touch. Both sides must list each other for a pair to be tested. */
  readonly collidesWith: readonly string[];
  /** Report contacts with kinematic and fixed bodies too (kinematic chassis, resting loads). */
  readonly kinematicContacts?: boolean;
  /** Emit contact start/end events for this collider. */
  readonly contactEvents?: boolean;
}

/** Who a collider belongs to: a kind's registry index and the thing's id (-1 static world, -2 floor). */
export interface Owner {
  readonly kind: number;
  readonly id: number;
}

/** What a kind's `build` is given: add bodies for its things and colliders to them or to the world. */
export interface PhysicsBuilder {
  /** Adds the body of thing `owner.id` of kind `owner.kind` (one body per thing). */
  addBody(owner: Owner, desc: BodyDesc): void;
  /** Adds a collider to the body of `owner` (added before with {@link addBody}). */
  addCollider(owner: Owner, desc: BoxColliderDesc): void;
  /** Adds a collider fixed in the world (walls, stands, rails), owned by `owner` for contact reports. */
  addFixedCollider(owner: Owner, desc: BoxColliderDesc & { readonly x: number; readonly y: number; readonly z: number }): void;
}
