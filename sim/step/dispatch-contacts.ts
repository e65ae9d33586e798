import { defaultContact } from '../kind/contact-events.ts';
import type { ContactBetween } from '../kind/kind-def.ts';
import type { StageContext } from '../kind/stage-slots.ts';
import type { ContactPair } from '../physics/rapier.ts';

/**
 * Turns the contacts that began in the last physics step into events: each pair, owners ordered
 * (static world before kinds, kinds by registry index), goes to the first kind of its two owners,
 * whose `onContact` decides whether it is a collision and what to call it.
 */
export function dispatchContacts(ctx: StageContext): void {
  const kinds = ctx.model.kinds.kinds;
  ctx.state.physics.drainContacts((pair: ContactPair) => {
    if (!pair.started) return;
    const swap = pair.kindA > pair.kindB;
    const contact: ContactBetween = swap ? { kindA: pair.kindB, idA: pair.idB, kindB: pair.kindA, idB: pair.idA } : pair;
    const owner = kinds[contact.kindA >= 0 ? contact.kindA : contact.kindB];
    if (!owner) return;
    if (owner.onContact) owner.onContact(contact, ctx);
    else defaultContact(ctx, contact);
  });
}
