import type { SimModel } from '../../model/sim-model.ts';
import type { LoadGeometry } from './load-columns.ts';
import { loadRows } from './load-columns.ts';
import type { BoxColliderDesc, PhysicsBuilder } from '../../physics/physics-builder.ts';
import { STATIC_OWNER } from '../../physics/rapier.ts';
import { KindIndex } from '../../kind/kind-index.ts';

/** A load's body meets everything; a pod's foot plate meets only the floor (so it stands while it settles). */
export const LOAD_LAYERS = {
  load: { meets: ['floor', 'static', 'robot', 'load'] },
  'load-foot': { meets: ['floor'] },
} as const;

/** Contact-report id of a tote stand's rails: the static world's ids above the wall runs. */
const STAND_OWNER_BASE = 10_000;

/**
 * Every load at home as a fixed body (it turns kinematic while carried and dynamic while it
 * settles after a drop); a tote stands on a fixed two-rail stand a robot drives in under.
 */
export function buildLoads(physics: PhysicsBuilder, model: SimModel): void {
  const { roadmap } = model;
  for (const load of loadRows.things(model)) {
    const geo = loadRows.fields(model).loadGeometry[load.kind];
    const x = roadmap.nodeX[load.homeNode]!;
    const z = roadmap.nodeZ[load.homeNode]!;
    if (load.kind === 'tote') {
      for (const side of [-1, 1]) {
        physics.addFixedCollider(
          { kind: STATIC_OWNER, id: STAND_OWNER_BASE + load.id },
          {
            halfX: 0.04,
            halfY: 0.2,
            halfZ: geo.widthM / 2,
            x: x + side * (geo.widthM / 2 + 0.02),
            y: 0.2,
            z,
            layer: 'static',
            collidesWith: ['robot', 'load'],
          },
        );
      }
    }
    const owner = { kind: KindIndex.Load, id: load.id };
    physics.addBody(owner, { type: 'fixed', x, y: loadRows.fields(model).loadBaseYM[load.id]!, z });
    for (const desc of loadColliders(load.kind, geo)) physics.addCollider(owner, desc);
  }
}

/**
 * Collision shapes of a load. A pod is its shelf block above the clearance (what carried pods,
 * walls and chassis can hit) plus one thin foot plate that only meets the floor, so a set-down
 * pod stands on it while it settles. Chassis (lower than the clearance) pass under resting pods
 * without a single contact pair: two colliders a pod instead of five keeps 1,000-robot floors cheap.
 * A tote is one box.
 */
function loadColliders(kind: 'pod' | 'tote', geo: LoadGeometry): BoxColliderDesc[] {
  const half = geo.widthM / 2;
  if (kind === 'tote') {
    return [
      {
        halfX: half,
        halfY: geo.heightM / 2,
        halfZ: half * 0.7,
        offsetX: 0,
        offsetY: geo.heightM / 2,
        offsetZ: 0,
        massKg: geo.massKg,
        layer: 'load',
        collidesWith: LOAD_LAYERS.load.meets,
        kinematicContacts: true,
      },
    ];
  }
  const shelfHalfY = (geo.heightM - geo.clearanceM) / 2;
  const footHalfY = 0.01;
  return [
    {
      halfX: half,
      halfY: shelfHalfY,
      halfZ: half,
      offsetX: 0,
      offsetY: geo.clearanceM + shelfHalfY,
      offsetZ: 0,
      massKg: geo.massKg * 0.9,
      layer: 'load',
      collidesWith: ['static', 'robot', 'load'],
      kinematicContacts: true,
    },
    {
      halfX: half - geo.legM,
      halfY: footHalfY,
      halfZ: half - geo.legM,
      offsetX: 0,
      offsetY: footHalfY,
      offsetZ: 0,
      massKg: geo.massKg * 0.1,
      layer: 'load-foot',
      collidesWith: ['floor'],
    },
  ];
}
