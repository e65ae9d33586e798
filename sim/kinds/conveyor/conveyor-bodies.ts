import type { SimModel } from '../../model/sim-model.ts';
import type { PhysicsBuilder } from '../../physics/physics-builder.ts';
import { yawQuaternion } from '../../physics/rapier.ts';
import { detSin } from '../../util/det-math.ts';
import { conveyorsOf } from './conveyor-model.ts';
import { pointAt, type PathPoint } from './conveyor-path.ts';

/** A belt meets items only (robots drive around conveyors by the layout, not by contact). */
export const CONVEYOR_LAYERS = { conveyor: { meets: ['item'] } } as const;

/** Largest gap between an arc and the chords of its collider, metres. */
const ARC_SAGITTA_M = 0.003;

/**
 * Each belt is a solid block from the floor up to its top surface, fixed in the world: items
 * dropped above it land on it for real. A straight belt is one box; an arc is a chain of boxes on
 * its chords, each turned to its chord, as many as keep the chords within {@link ARC_SAGITTA_M}.
 */
export function buildConveyors(physics: PhysicsBuilder, model: SimModel): void {
  const kind = model.kinds.indexOf('conveyor');
  const pt: PathPoint = { x: 0, z: 0, tx: 1, tz: 0 };
  for (const c of conveyorsOf(model)) {
    const p = c.path;
    const halfY = c.heightM / 2;
    const owner = { kind, id: c.id };
    const add = (sMid: number, halfLen: number) => {
      pointAt(p, sMid, pt);
      const rotation = yawQuaternion(pt.tx, pt.tz);
      let x = pt.x;
      let z = pt.z;
      if (p.shape === 'arc') {
        // the chord's middle lies inside the arc by the sagitta
        const dx = p.ax - x;
        const dz = p.az - z;
        const r = Math.sqrt(dx * dx + dz * dz);
        const sag = p.radiusM - Math.sqrt(Math.max(0, p.radiusM * p.radiusM - halfLen * halfLen));
        x += (dx / r) * sag;
        z += (dz / r) * sag;
      }
      physics.addFixedCollider(owner, {
        halfX: halfLen,
        halfY,
        halfZ: c.widthM / 2,
        x,
        y: halfY,
        z,
        rotation,
        layer: 'conveyor',
        collidesWith: CONVEYOR_LAYERS.conveyor.meets,
      });
    };
    if (p.shape === 'straight') {
      add(p.lengthM / 2, p.lengthM / 2);
      continue;
    }
    const maxChordRad = 2 * Math.sqrt((2 * ARC_SAGITTA_M) / p.radiusM);
    const n = Math.max(2, Math.ceil(Math.abs(p.sweepRad) / maxChordRad));
    const segM = p.lengthM / n;
    const halfChord = p.radiusM * detSin(Math.abs(p.sweepRad) / n / 2);
    for (let k = 0; k < n; k++) add((k + 0.5) * segM, halfChord + 0.005);
  }
}
