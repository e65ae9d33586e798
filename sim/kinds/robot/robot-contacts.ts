import type { CollisionKind } from '../../events/sim-event.ts';
import { robotRows } from './robot-columns.ts';
import { STATIC_OWNER } from '../../physics/rapier.ts';
import { otherKindContact, pushContact } from '../../kind/contact-events.ts';
import type { ContactBetween } from '../../kind/kind-def.ts';
import { KindIndex } from '../../kind/kind-index.ts';
import type { StageContext } from '../../kind/stage-slots.ts';

/**
 * Contacts a robot is the first kind of (owners ordered static < robot < load): chassis against
 * chassis, walls and stands, and loads it does not carry. Placed at the robot.
 */
export function robotContact(contact: ContactBetween, ctx: StageContext): void {
  const r = robotRows.table(ctx.state);
  const { kindA, idA, kindB, idB } = contact;
  let kind: CollisionKind | null = null;
  if (kindA === KindIndex.Robot && kindB === KindIndex.Robot) kind = 'robotRobot';
  else if (kindA === STATIC_OWNER && kindB === KindIndex.Robot) kind = 'robotStatic';
  else if (kindA === KindIndex.Robot && kindB === KindIndex.Load) kind = r.carriedLoad[idA] === idB ? null : 'robotLoad';
  else if (kindB > KindIndex.Load) return otherKindContact(contact, ctx);
  if (!kind) return;
  const robot = kindB === KindIndex.Robot ? idB : idA;
  pushContact(ctx, contact, kind, r.posX[robot]!, r.posZ[robot]!);
}
