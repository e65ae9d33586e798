import type { SimModel } from '../../model/sim-model.ts';
import { loadRows } from './load-columns.ts';
import type { PhysicsBuilder } from '../../physics/physics-builder.ts';
import { STATIC_OWNER } from '../../physics/rapier.ts';
import { KindIndex } from '../../kind/kind-index.ts';

/** A load's body meets everything; a foot plate (pods, pallets) meets only the floor (so it stands while it settles). */
export const LOAD_LAYERS = {
  load: { meets: ['floor', 'static', 'robot', 'load'] },
  'load-foot': { meets: ['floor'] },
} as const;

/** Contact-report id of a load's home fixtures (a tote stand's rails): the static world's ids above the wall runs. */
const STAND_OWNER_BASE = 10_000;

/**
 * Every load at home as a fixed body (it turns kinematic while carried and dynamic while it
 * settles after a drop), with the colliders of its load type; a type's fixtures (a tote's two-rail
 * stand a robot drives in under) are fixed in the world at its home.
 */
export function buildLoads(physics: PhysicsBuilder, model: SimModel): void {
  const { roadmap } = model;
  const { loadTypes, loadBaseYM } = loadRows.fields(model);
  for (const load of loadRows.things(model)) {
    const type = loadTypes[load.kind]!;
    const x = roadmap.nodeX[load.homeNode]!;
    const z = roadmap.nodeZ[load.homeNode]!;
    for (const fixture of type.fixtures?.(type.geometry) ?? [])
      physics.addFixedCollider({ kind: STATIC_OWNER, id: STAND_OWNER_BASE + load.id }, { ...fixture, x: x + fixture.x, y: fixture.y, z: z + fixture.z });
    const owner = { kind: KindIndex.Load, id: load.id };
    physics.addBody(owner, { type: 'fixed', x, y: loadBaseYM[load.id]!, z });
    for (const desc of type.colliders(type.geometry)) physics.addCollider(owner, desc);
  }
}
