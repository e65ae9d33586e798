/**
 * An arm's bodies: a fixed pedestal and one kinematic body per link segment, posed every tick
 * from the joints (Rapier 0.21's JS multibodies have no motors, so links go where our kinematics
 * put them, and Rapier reports what they touch). All are bodies of the arm kind with ids
 * `bodyOffset + k` (k = 0 the pedestal, 1… the links; the tool is a collider of the last link).
 */
import type { SimModel } from '../../model/sim-model.ts';
import type { PhysicsWorld } from '../../physics/rapier.ts';
import type { PhysicsBuilder } from '../../physics/physics-builder.ts';
import type { ArmThing } from './arm-compile.ts';
import { linkBodyTransforms, poseOf, segmentBox } from './arm-poses.ts';

/**
 * The arm's collision layer. It declares no world layers to meet: the walls' filters stay as they
 * were (so registering arms moves no hash); arm colliders are also members of `robot`, which walls,
 * robots and loads already meet, and list every other layer themselves ({@link armCollidesWith}).
 */
export const ARM_LAYERS = { arm: { meets: [] } } as const;

/** Layers an arm's colliders meet: every layer of the scenario but the floor (so arms also meet items, conveyors …). */
const armCollidesWith = (model: SimModel): string[] => model.kinds.layers.filter((l) => l !== 'floor' && l !== 'load-foot');

/** Also a member of `robot` so robots (whose filters list only their own layers) meet arm links, and their scanners see them. */
const alsoLayers = (model: SimModel): string[] => (model.kinds.layers.includes('robot') ? ['robot'] : []);

export function buildArms(physics: PhysicsBuilder, model: SimModel): void {
  const kind = model.kinds.indexOf('arm');
  const meets = armCollidesWith(model);
  const also = alsoLayers(model);
  const common = { layer: 'arm', collidesWith: meets, alsoLayers: also, kinematicContacts: true, contactEvents: true } as const;
  for (const arm of model.things.arm as ArmThing[]) {
    const pedestalHalf = Math.max(0.01, arm.baseYM / 2);
    physics.addBody({ kind, id: arm.bodyOffset }, { type: 'fixed', x: arm.baseXM, y: pedestalHalf, z: arm.baseZM });
    physics.addCollider({ kind, id: arm.bodyOffset }, { halfX: 0.09, halfY: pedestalHalf, halfZ: 0.09, ...common });
    const frames = linkBodyTransforms(arm, arm.homeQ);
    arm.segments.forEach((s, k) => {
      const id = arm.bodyOffset + 1 + k;
      const p = poseOf(frames[k]!);
      physics.addBody({ kind, id }, { type: 'kinematic', x: p.x, y: p.y, z: p.z, q: p.q });
      const box = segmentBox(s);
      physics.addCollider(
        { kind, id },
        { halfX: box.half[0], halfY: box.half[1], halfZ: box.half[2], offsetX: box.offset[0], offsetY: box.offset[1], offsetZ: box.offset[2], ...common },
      );
    });
    // The tool on the flange (the last link), stopping 3 mm short of the TCP so a TCP placed on a face does not push it.
    const flange = arm.bodyOffset + arm.segments.length;
    const reach = arm.tool.type === 'suction' ? arm.tool.lengthM - 0.003 : arm.tool.lengthM - 0.05;
    const half = arm.tool.type === 'suction' ? arm.tool.cupRadiusM : 0.04;
    physics.addCollider(
      { kind, id: flange },
      { halfX: half, halfY: arm.tool.type === 'suction' ? half : 0.02, halfZ: reach / 2, offsetZ: reach / 2, ...common },
    );
  }
}

/** Sets where every link of `arm` will be after the next physics step. */
export function poseArmLinks(physics: PhysicsWorld, kind: number, arm: ArmThing, q: ArrayLike<number>): void {
  const frames = linkBodyTransforms(arm, q);
  for (let k = 0; k < frames.length; k++) {
    const p = poseOf(frames[k]!);
    physics.setNextPose(kind, arm.bodyOffset + 1 + k, p.x, p.y, p.z, p.q[0], p.q[1], p.q[2], p.q[3]);
  }
}

/** The arm (and link index: 0 pedestal) a body id of the arm kind belongs to. */
export function armOfBody(arms: readonly ArmThing[], bodyId: number): { arm: number; link: number } {
  for (const a of arms) if (bodyId >= a.bodyOffset && bodyId < a.bodyOffset + a.bodyCount) return { arm: a.id, link: bodyId - a.bodyOffset };
  return { arm: -1, link: -1 };
}
