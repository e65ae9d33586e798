import { STATIC_OWNER } from '../../physics/rapier.ts';
import { loadRows } from './load-columns.ts';
import { otherKindContact, pushContact } from '../../kind/contact-events.ts';
import type { ContactBetween } from '../../kind/kind-def.ts';
import { KindIndex } from '../../kind/kind-index.ts';
import type { StageContext } from '../../kind/stage-slots.ts';

/**
 * Contacts a load is the first kind of: a carried load against walls and stands, or against
 * another load. Resting loads touching each other or the static world are not collisions.
 * Placed where the holder (the carrying robot) stands.
 */
export function loadContact(contact: ContactBetween, ctx: StageContext): void {
  const { state } = ctx;
  const loads = loadRows.table(state);
  const carried = (load: number) => loads.holderKind[load] === KindIndex.Robot;
  const { kindA, idA, kindB, idB } = contact;
  let kind: 'loadStatic' | 'loadLoad' | null = null;
  if (kindA === STATIC_OWNER && kindB === KindIndex.Load) kind = carried(idB) ? 'loadStatic' : null;
  else if (kindA === KindIndex.Load && kindB === KindIndex.Load) kind = carried(idA) || carried(idB) ? 'loadLoad' : null;
  else if (kindA === KindIndex.Load && kindB > KindIndex.Load) return otherKindContact(contact, ctx);
  if (!kind) return;
  const load = carried(idB) ? idB : idA;
  const holder = loads.holderId[load]!;
  const [x, z] = holder >= 0 ? (ctx.model.kinds.kinds[loads.holderKind[load]!]?.floorPosition?.(state, holder) ?? [0, 0]) : [0, 0];
  pushContact(ctx, contact, kind, x, z);
}
