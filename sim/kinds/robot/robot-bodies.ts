import type { SimModel } from '../../model/sim-model.ts';
import { robotRows } from './robot-columns.ts';
import type { PhysicsBuilder } from '../../physics/physics-builder.ts';
import { KindIndex } from '../../kind/kind-index.ts';

/** What a chassis meets: walls and stands, other chassis, loads. Never the floor (chassis move in the plane). */
export const ROBOT_LAYERS = { robot: { meets: ['static', 'robot', 'load'] } } as const;

/**
 * One kinematic box per robot at its spawn point, driven by the motion model; Rapier detects its
 * contacts (with kinematic and fixed bodies too) and reports them.
 */
export function buildRobots(physics: PhysicsBuilder, model: SimModel): void {
  const { roadmap } = model;
  const meets = [...ROBOT_LAYERS.robot.meets, ...layersMeetingRobots(model)];
  for (const robot of robotRows.things(model)) {
    const fp = robot.model.footprint;
    const owner = { kind: KindIndex.Robot, id: robot.id };
    physics.addBody(owner, { type: 'kinematic', x: roadmap.nodeX[robot.spawnNode]!, y: fp.heightM / 2, z: roadmap.nodeZ[robot.spawnNode]! });
    physics.addCollider(owner, {
      halfX: fp.lengthM / 2,
      halfY: fp.heightM / 2,
      halfZ: fp.widthM / 2,
      massKg: robot.model.massKg,
      layer: 'robot',
      collidesWith: meets,
      kinematicContacts: true,
      contactEvents: true,
    });
  }
}

/**
 * Layers of the other kinds in this scenario that declare they meet robots (people, dropped items):
 * chassis meet them too. Kinds with no things add nothing, so a scenario without them keeps its
 * collision filters (and its state hash).
 */
function layersMeetingRobots(model: SimModel): string[] {
  const out: string[] = [];
  model.kinds.kinds.forEach((kind, index) => {
    if (index === KindIndex.Robot || index === KindIndex.Load || (model.things[kind.id]?.length ?? 0) === 0) return;
    for (const [layer, { meets }] of Object.entries(kind.layers ?? {})) if (meets.includes('robot')) out.push(layer);
  });
  return out;
}
