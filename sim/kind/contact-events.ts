import type { CollisionKind } from '../events/sim-event.ts';
import { STATIC_OWNER } from '../physics/rapier.ts';
import type { ContactBetween } from './kind-def.ts';
import type { StageContext } from './stage-slots.ts';

/** `robot:3`, `load:12`, `static:4`: how contact events name an owner. */
function ownerLabel(ctx: StageContext, kind: number, id: number): string {
  return `${kind === STATIC_OWNER ? 'static' : (ctx.model.kinds.kinds[kind]?.id ?? `kind${kind}`)}:${id}`;
}

/** Appends a `contact.began` event of the given collision kind at `(x, z)`. */
export function pushContact(ctx: StageContext, contact: ContactBetween, kind: CollisionKind, x: number, z: number): void {
  const { state } = ctx;
  state.events.push({
    type: 'contact.began',
    tick: state.tick,
    kind,
    a: ownerLabel(ctx, contact.kindA, contact.idA),
    b: ownerLabel(ctx, contact.kindB, contact.idB),
    x,
    z,
  });
}

/** The default for kinds without `onContact`: a `contact.began` named by both kinds (`robot/conveyor`). */
export function defaultContact(ctx: StageContext, contact: ContactBetween): void {
  const name = (kind: number) => (kind === STATIC_OWNER ? 'static' : (ctx.model.kinds.kinds[kind]?.id ?? `kind${kind}`));
  pushContact(ctx, contact, `${name(contact.kindA)}/${name(contact.kindB)}`, 0, 0);
}

/** A built-in kind's contact with a later kind (an arm, a conveyor …): that kind names it, or the default `robot/<kind>`. */
export function otherKindContact(contact: ContactBetween, ctx: StageContext): void {
  const other = ctx.model.kinds.kinds[contact.kindB];
  if (other?.onContact) other.onContact(contact, ctx);
  else defaultContact(ctx, contact);
}
