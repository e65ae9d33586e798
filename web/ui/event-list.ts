import type { SimEvent } from '../../sim/index.ts';

/** Keep at most this many entries in the list. */
const MAX_ENTRIES = 200;

/** An event worth listing, with where it happened. */
export interface PlacedEvent {
  tick: number;
  kind: 'collision' | 'deadlock' | 'rejected' | 'fault' | 'controller';
  text: string;
  x: number;
  z: number;
}

/**
 * Turns notable events into list entries with a place: contacts carry one; robot events take the
 * robot's position from the frame of the same advance.
 */
export function placeEvents(events: readonly SimEvent[], robotXZ: (robot: number) => { x: number; z: number } | null, hz: number): PlacedEvent[] {
  const out: PlacedEvent[] = [];
  const at = (tick: number) => `${(tick / hz).toFixed(1)} s`;
  for (const e of events) {
    if (e.type === 'contact.began') {
      out.push({ tick: e.tick, kind: 'collision', text: `${at(e.tick)} collision ${e.kind}: ${e.a} × ${e.b}`, x: e.x, z: e.z });
    } else if (e.type === 'deadlock.detected') {
      const p = robotXZ(e.robots[0] ?? -1);
      if (p) out.push({ tick: e.tick, kind: 'deadlock', text: `${at(e.tick)} deadlock: robots ${e.robots.join(', ')} (${e.waitedSec.toFixed(0)} s)`, ...p });
    } else if (e.type === 'command.rejected') {
      const p = robotXZ(e.robot);
      if (p) out.push({ tick: e.tick, kind: 'rejected', text: `${at(e.tick)} robot ${e.robot} command rejected: ${e.reason}`, ...p });
    } else if (e.type === 'fault.injected') {
      const p = robotXZ(e.robot);
      if (p) out.push({ tick: e.tick, kind: 'fault', text: `${at(e.tick)} robot ${e.robot} fault ${e.kind} (${e.durationSec} s)`, ...p });
    } else if (e.type === 'fault.began') {
      out.push({ tick: e.tick, kind: 'fault', text: `${at(e.tick)} fault ${e.fault}${e.target >= 0 ? ` at ${e.target}` : ''} (${e.durationSec.toFixed(0)} s)`, x: e.x, z: e.z });
    } else if (e.type === 'battery.stranded' || e.type === 'person.nearMiss') {
      const p = robotXZ(e.robot);
      const what = e.type === 'battery.stranded' ? 'ran flat: stranded' : `near miss with person ${e.person} (${e.separationM.toFixed(2)} m)`;
      if (p) out.push({ tick: e.tick, kind: 'fault', text: `${at(e.tick)} robot ${e.robot} ${what}`, ...p });
    }
  }
  return out;
}

/** The clickable event list (newest first, at most `MAX_ENTRIES`); a click calls `onJump` with the event's place. */
export class EventList {
  private count = 0;
  private readonly places = new WeakMap<Element, PlacedEvent>();

  constructor(
    private readonly list: HTMLOListElement,
    private readonly onJump: (x: number, z: number) => void,
  ) {
    list.addEventListener('click', (e) => {
      const li = e.target instanceof Element ? e.target.closest('li') : null;
      const place = li ? this.places.get(li) : undefined;
      if (place) this.onJump(place.x, place.z);
    });
  }

  clear(): void {
    this.list.innerHTML = '';
    this.count = 0;
  }

  /** Adds a batch with one DOM insertion; entries that would fall off the list are never built. */
  add(events: readonly PlacedEvent[]): void {
    if (events.length === 0) return;
    const batch = document.createDocumentFragment();
    for (let i = events.length - 1; i >= Math.max(0, events.length - MAX_ENTRIES); i--) {
      const e = events[i]!;
      const li = document.createElement('li');
      li.className = e.kind;
      li.textContent = e.text;
      this.places.set(li, e);
      batch.append(li);
      this.count += 1;
    }
    this.list.prepend(batch);
    while (this.count > MAX_ENTRIES && this.list.lastChild) {
      this.list.lastChild.remove();
      this.count -= 1;
    }
  }
}
