/**
 * Delta coding of `observation.things` for an isolated controller: a kind's view that is a plain
 * object has each array property sent as the elements whose identity changed since the last
 * observation this encoder sent (kinds that hand out the same frozen view for a thing that did not
 * change, as `errand` does, then send only what changed: about 3,750 errand task views a control
 * tick on the 2,500-robot LoRR warehouse were cloned and frozen before); everything else is sent
 * whole. The decoder patches its copy of the last arrays, so encoder and decoder must see the same
 * sequence of observations (one pair per episode).
 */

import { deepFreeze } from '../util/deep-freeze.ts';

/** One array property as sent: its new length and the elements at the indices that changed. */
export interface ArrayPatch {
  length: number;
  at: number[];
  items: unknown[];
}

/** One kind's view as sent: whole, or its array properties patched and the rest whole. */
export type KindDelta = { whole: unknown } | { keys: string[]; arrays: Record<string, ArrayPatch>; rest: Record<string, unknown> };

/** `observation.things` as sent: per kind id. */
export type ThingsDelta = Record<string, KindDelta>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || ArrayBuffer.isView(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Encodes successive `things` of one episode against what it sent before. */
export class ThingsDeltaEncoder {
  /** Per kind and array property: the elements sent last (a copy, so in-place changes show). */
  private readonly sent = new Map<string, Map<string, unknown[]>>();

  encode(things: Readonly<Record<string, unknown>>): ThingsDelta {
    const out: ThingsDelta = {};
    for (const [kind, view] of Object.entries(things)) {
      if (!isPlainObject(view)) {
        this.sent.delete(kind);
        out[kind] = { whole: view };
        continue;
      }
      let kindSent = this.sent.get(kind);
      if (!kindSent) this.sent.set(kind, (kindSent = new Map()));
      const arrays: Record<string, ArrayPatch> = {};
      const rest: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(view)) {
        if (!Array.isArray(value)) {
          kindSent.delete(key);
          rest[key] = value;
          continue;
        }
        const before = kindSent.get(key) ?? [];
        const patch: ArrayPatch = { length: value.length, at: [], items: [] };
        for (let i = 0; i < value.length; i++) {
          if (i < before.length && before[i] === value[i]) continue;
          patch.at.push(i);
          patch.items.push(value[i]);
        }
        kindSent.set(key, value.slice());
        arrays[key] = patch;
      }
      out[kind] = { keys: Object.keys(view), arrays, rest };
    }
    return out;
  }
}

/** Rebuilds frozen `things` from successive deltas of one {@link ThingsDeltaEncoder}. */
export class ThingsDeltaDecoder {
  private readonly held = new Map<string, Map<string, readonly unknown[]>>();

  decode(delta: ThingsDelta): Readonly<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [kind, sent] of Object.entries(delta)) {
      if ('whole' in sent) {
        this.held.delete(kind);
        out[kind] = deepFreeze(sent.whole);
        continue;
      }
      let kindHeld = this.held.get(kind);
      if (!kindHeld) this.held.set(kind, (kindHeld = new Map()));
      // Keys in the order the kind gave them.
      const view: Record<string, unknown> = {};
      for (const key of sent.keys) {
        const patch = sent.arrays[key];
        if (!patch) {
          kindHeld.delete(key);
          view[key] = deepFreeze(sent.rest[key]);
          continue;
        }
        const before = kindHeld.get(key) ?? [];
        const array = before.slice(0, patch.length);
        for (let k = 0; k < patch.at.length; k++) array[patch.at[k]!] = deepFreeze(patch.items[k]);
        Object.freeze(array);
        kindHeld.set(key, array);
        view[key] = array;
      }
      out[kind] = Object.freeze(view);
    }
    return Object.freeze(out);
  }
}
