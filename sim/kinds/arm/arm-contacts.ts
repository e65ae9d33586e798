/**
 * Contacts of arm links and tools: named by both kinds (`static/arm`, `robot/arm`, `arm/box`,
 * `arm/arm` between two arms), placed at the arm's base. Links of one arm touching each other
 * (they overlap at the joints), a tool touching a holdable thing (that is how it grips) and a thing
 * touching the arm that holds it are not collisions.
 */
import { STATIC_OWNER } from '../../physics/rapier.ts';
import type { ContactBetween } from '../../kind/kind-def.ts';
import type { StageContext } from '../../kind/stage-slots.ts';
import { armOfBody } from './arm-bodies.ts';
import { armTable } from './arm-columns.ts';
import type { ArmThing } from './arm-compile.ts';

export function armContact(contact: ContactBetween, ctx: StageContext): void {
  const armKind = ctx.model.kinds.indexOf('arm');
  const arms = ctx.model.things.arm as readonly ArmThing[];
  const t = armTable(ctx.state);
  const { kindA, idA, kindB, idB } = contact;
  const sideA = kindA === armKind ? armOfBody(arms, idA).arm : -1;
  const sideB = kindB === armKind ? armOfBody(arms, idB).arm : -1;
  if (sideA >= 0 && sideA === sideB) return;
  const holds = (arm: number, kind: number, id: number) => arm >= 0 && t.holdKind[arm] === kind && t.holdId[arm] === id;
  if (holds(sideA, kindB, idB) || holds(sideB, kindA, idA)) return;
  // The tool (on the flange, the last link) touching a holdable thing is how grasps happen, not a collision.
  const isTool = (kind: number, id: number) => kind === armKind && armOfBody(arms, id).link === (arms[armOfBody(arms, id).arm]?.bodyCount ?? 0) - 1;
  const holdable = (kind: number) => kind >= 0 && ctx.model.kinds.kinds[kind]?.holdable !== undefined;
  if ((isTool(kindA, idA) && holdable(kindB)) || (isTool(kindB, idB) && holdable(kindA))) return;
  const name = (kind: number) => (kind === STATIC_OWNER ? 'static' : (ctx.model.kinds.kinds[kind]?.id ?? `kind${kind}`));
  const who = (kind: number, id: number, side: number) => (side >= 0 ? `arm:${side}` : `${name(kind)}:${id}`);
  const at = arms[sideA >= 0 ? sideA : sideB];
  ctx.state.events.push({
    type: 'contact.began',
    tick: ctx.state.tick,
    kind: `${name(kindA)}/${name(kindB)}`,
    a: who(kindA, idA, sideA),
    b: who(kindB, idB, sideB),
    x: at?.baseXM ?? 0,
    z: at?.baseZM ?? 0,
  });
}
