import { STATIC_OWNER } from '../../physics/rapier.ts';
import { otherKindContact, pushContact } from '../contact-events.ts';
import type { ContactBetween } from '../kind-def.ts';
import { KindIndex } from '../kind-index.ts';
import type { StageContext } from '../stage-slots.ts';

/**
 * Contacts a load is the first kind of: a carried load against walls and stands, or against
 * another load. Resting loads touching each other or the static world are not collisions.
 * Placed at the carrying robot.
 */
export function loadContact(contact: ContactBetween, ctx: StageContext): void {
  const { state } = ctx;
  const loads = state.loads;
  const carried = (load: number) => loads.holderKind[load] === KindIndex.Robot;
  const { kindA, idA, kindB, idB } = contact;
  let kind: 'loadStatic' | 'loadLoad' | null = null;
  if (kindA === STATIC_OWNER && kindB === KindIndex.Load) kind = carried(idB) ? 'loadStatic' : null;
  else if (kindA === KindIndex.Load && kindB === KindIndex.Load) kind = carried(idA) || carried(idB) ? 'loadLoad' : null;
  else if (kindA === KindIndex.Load && kindB > KindIndex.Load) return otherKindContact(contact, ctx);
  if (!kind) return;
  const robot = loads.holderId[carried(idB) ? idB : idA]!;
  const x = robot >= 0 ? state.robots.posX[robot]! : 0;
  const z = robot >= 0 ? state.robots.posZ[robot]! : 0;
  pushContact(ctx, contact, kind, x, z);
}
