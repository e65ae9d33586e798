import type { SimModel } from '../../model/sim-model.ts';
import type { PhysicsBuilder } from '../../physics/physics-builder.ts';
import { KindIndex } from '../kind-index.ts';

/** What a chassis meets: walls and stands, other chassis, loads. Never the floor (chassis move in the plane). */
export const ROBOT_LAYERS = { robot: { meets: ['static', 'robot', 'load'] } } as const;

/**
 * One kinematic box per robot at its spawn point, driven by the motion model; Rapier detects its
 * contacts (with kinematic and fixed bodies too) and reports them.
 */
export function buildRobots(physics: PhysicsBuilder, model: SimModel): void {
  const { roadmap } = model;
  for (const robot of model.robots) {
    const fp = robot.model.footprint;
    const owner = { kind: KindIndex.Robot, id: robot.id };
    physics.addBody(owner, { type: 'kinematic', x: roadmap.nodeX[robot.spawnNode]!, y: fp.heightM / 2, z: roadmap.nodeZ[robot.spawnNode]! });
    physics.addCollider(owner, {
      halfX: fp.lengthM / 2,
      halfY: fp.heightM / 2,
      halfZ: fp.widthM / 2,
      massKg: robot.model.massKg,
      layer: 'robot',
      collidesWith: ROBOT_LAYERS.robot.meets,
      kinematicContacts: true,
      contactEvents: true,
    });
  }
}
