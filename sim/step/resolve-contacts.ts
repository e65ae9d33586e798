import type { CollisionKind } from '../events/sim-event.ts';
import type { SimModel } from '../model/sim-model.ts';
import { OwnerKind, type ContactPair } from '../physics/rapier.ts';
import { KindIndex } from '../kinds/kind-index.ts';
import type { SimState } from '../state/sim-state.ts';

const label = (kind: OwnerKind, id: number) =>
  kind === OwnerKind.Robot ? `robot:${id}` : kind === OwnerKind.Load ? `load:${id}` : `static:${id}`;

/**
 * Stage 4: turns Rapier's contact-start events into `contact.began` events with a collision kind.
 * Resting loads touching walls, stands or each other are not collisions; a carried load is.
 */
export function resolveContacts(_model: SimModel, state: SimState): void {
  const r = state.robots;
  const carried = (load: number) => state.loads.holderKind[load] === KindIndex.Robot;
  state.physics.drainContacts((pair: ContactPair) => {
    if (!pair.started) return;
    let { kindA, idA, kindB, idB } = pair;
    if (kindA > kindB) [kindA, idA, kindB, idB] = [kindB, idB, kindA, idA];
    let kind: CollisionKind | null = null;
    let x = 0;
    let z = 0;
    if (kindA === OwnerKind.Robot && kindB === OwnerKind.Robot) kind = 'robotRobot';
    else if (kindA === OwnerKind.Static && kindB === OwnerKind.Robot) kind = 'robotStatic';
    else if (kindA === OwnerKind.Robot && kindB === OwnerKind.Load) kind = r.carriedLoad[idA] === idB ? null : 'robotLoad';
    else if (kindA === OwnerKind.Static && kindB === OwnerKind.Load) kind = carried(idB) ? 'loadStatic' : null;
    else if (kindA === OwnerKind.Load && kindB === OwnerKind.Load) kind = carried(idA) || carried(idB) ? 'loadLoad' : null;
    if (!kind) return;
    const robot = kindB === OwnerKind.Robot ? idB : kindA === OwnerKind.Robot ? idA : state.loads.holderId[carried(idB) ? idB : idA]!;
    if (robot >= 0) {
      x = r.posX[robot]!;
      z = r.posZ[robot]!;
    }
    state.events.push({ type: 'contact.began', tick: state.tick, kind, a: label(kindA, idA), b: label(kindB, idB), x, z });
  });
}
