import { causeOf, type SimEvent } from '../../sim/page-api.ts';

/** Keep at most this many entries in the list. */
const MAX_ENTRIES = 200;

/** An event worth listing, with where it happened (NaN when it has no place, e.g. a controller failure). */
export interface PlacedEvent {
  tick: number;
  kind: 'collision' | 'deadlock' | 'rejected' | 'fault' | 'controller' | 'watchdog' | 'stalled';
  text: string;
  x: number;
  z: number;
  /** Set for events that repeat (rejections, controller failures): the list shows one line per cause with a count. */
  cause?: string;
}

const NOWHERE = { x: Number.NaN, z: Number.NaN };

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
      const p = robotXZ(e.robot) ?? NOWHERE;
      out.push({
        tick: e.tick,
        kind: 'rejected',
        text: `${at(e.tick)} robot ${e.robot} command rejected: ${e.reason}`,
        cause: `command rejected: ${causeOf(String(e.reason))}`,
        ...p,
      });
    } else if (e.type === 'controller.failed') {
      out.push({
        tick: e.tick,
        kind: 'controller',
        text: `${at(e.tick)} controller failed: ${e.message}`,
        cause: `controller failed: ${causeOf(e.message)}`,
        ...NOWHERE,
      });
    } else if (e.type === 'watchdog.tripped') {
      const p = e.kind === 'robot' ? (robotXZ(e.thing) ?? NOWHERE) : NOWHERE;
      out.push({ tick: e.tick, kind: 'watchdog', text: `${at(e.tick)} watchdog stopped the episode: ${e.reason}`, ...p });
    } else if (e.type === 'progress.stalled') {
      const waiting = Object.entries(e.waiting)
        .map(([unit, n]) => `${n} ${unit}`)
        .join(', ');
      const p = robotXZ(e.stillRobots[0] ?? -1) ?? NOWHERE;
      out.push({
        tick: e.tick,
        kind: 'stalled',
        text: `${at(e.tick)} progress stalled: nothing delivered for ${e.stalledSec.toFixed(0)} s while ${waiting} waited; ${e.stillRobots.length} robots still`,
        ...p,
      });
    } else if (e.type === 'fault.injected') {
      const p = robotXZ(e.robot);
      if (p) out.push({ tick: e.tick, kind: 'fault', text: `${at(e.tick)} robot ${e.robot} fault ${e.kind} (${e.durationSec} s)`, ...p });
    } else if (e.type === 'fault.began') {
      out.push({
        tick: e.tick,
        kind: 'fault',
        text: `${at(e.tick)} fault ${e.fault}${e.target >= 0 ? ` at ${e.target}` : ''} (${e.durationSec.toFixed(0)} s)`,
        x: e.x,
        z: e.z,
      });
    } else if (e.type === 'battery.stranded' || e.type === 'person.nearMiss') {
      const p = robotXZ(e.robot);
      const what = e.type === 'battery.stranded' ? 'ran flat: stranded' : `near miss with person ${e.person} (${e.separationM.toFixed(2)} m)`;
      if (p) out.push({ tick: e.tick, kind: 'fault', text: `${at(e.tick)} robot ${e.robot} ${what}`, ...p });
    }
  }
  return out;
}

/**
 * The clickable event list (newest first, at most `MAX_ENTRIES`); a click calls `onJump` with the
 * event's place. Repeating events (a cause) are one line each, `×N` counting them, moved to the top
 * with their latest text when they recur: a controller that fails every tick is one line, not a flood.
 * All text is set as text, never parsed as markup.
 */
export class EventList {
  private count = 0;
  private readonly places = new WeakMap<Element, PlacedEvent>();
  private readonly grouped = new Map<string, { li: HTMLLIElement; count: number }>();

  constructor(
    private readonly list: HTMLOListElement,
    private readonly onJump: (x: number, z: number) => void,
  ) {
    list.addEventListener('click', (e) => {
      const li = e.target instanceof Element ? e.target.closest('li') : null;
      const place = li ? this.places.get(li) : undefined;
      if (place && Number.isFinite(place.x)) this.onJump(place.x, place.z);
    });
  }

  clear(): void {
    this.list.replaceChildren();
    this.count = 0;
    this.grouped.clear();
  }

  /** Lines shown, and how many events the grouped ones stand for, by cause. */
  groups(): Record<string, number> {
    return Object.fromEntries([...this.grouped.entries()].map(([cause, g]) => [cause, g.count]));
  }

  /** Adds a batch with one DOM insertion; entries that would fall off the list are never built. */
  add(events: readonly PlacedEvent[]): void {
    if (events.length === 0) return;
    const batch = document.createDocumentFragment();
    const touched = new Set<string>();
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i]!;
      if (e.cause !== undefined) {
        this.addGrouped(e, e.cause, touched, batch);
        continue;
      }
      if (i < events.length - MAX_ENTRIES) continue;
      const li = document.createElement('li');
      li.className = e.kind;
      li.textContent = e.text;
      this.places.set(li, e);
      batch.append(li);
      this.count += 1;
    }
    for (const cause of touched) this.label(cause);
    this.list.prepend(batch);
    while (this.count > MAX_ENTRIES && this.list.lastChild) {
      const last = this.list.lastChild as HTMLLIElement;
      if (last.dataset.cause !== undefined) this.grouped.delete(last.dataset.cause);
      last.remove();
      this.count -= 1;
    }
  }

  /** Counts a repeating event into its cause's line (created once, text refreshed by the newest event of a batch). */
  private addGrouped(e: PlacedEvent, cause: string, touched: Set<string>, batch: DocumentFragment): void {
    let g = this.grouped.get(cause);
    if (!g) {
      const li = document.createElement('li');
      li.className = `${e.kind} grouped`;
      li.dataset.cause = cause;
      g = { li, count: 0 };
      this.grouped.set(cause, g);
      this.count += 1;
    }
    g.count += 1;
    if (!touched.has(cause)) {
      // Newest first: the first event of the batch seen for a cause (iterating backwards) is its latest.
      touched.add(cause);
      this.places.set(g.li, e);
      batch.append(g.li);
    }
  }

  private label(cause: string): void {
    const g = this.grouped.get(cause);
    if (!g) return;
    g.li.dataset.count = String(g.count);
    g.li.textContent = `${g.count > 1 ? `×${g.count} ` : ''}${this.places.get(g.li)?.text ?? cause}`;
  }
}
