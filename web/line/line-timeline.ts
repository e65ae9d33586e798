import { MACHINE_STATES, type SimEvent } from '../../sim/page-api.ts';

/** A machine state name (`idle`, `working`, `blocked`, `starved`, `down`, `setup`). */
export type MachineStateName = (typeof MACHINE_STATES)[number];

/** State changes kept per machine for drawing; past it the older half is dropped (shares keep running totals). */
const MAX_SPELLS_PER_MACHINE = 200_000;
/** WIP steps kept for drawing; past it the older half is dropped. */
const MAX_WIP_POINTS = 200_000;

const STATE_CODE: Readonly<Record<MachineStateName, number>> = Object.fromEntries(MACHINE_STATES.map((s, i) => [s, i])) as Record<MachineStateName, number>;

/** One machine's state spells: spell i is `states[i]` from `startSec[i]` to the next start (the last to now). */
export interface MachineTrack {
  readonly name: string;
  readonly startSec: number[];
  /** State codes, indices into `MACHINE_STATES`. */
  readonly states: number[];
  /** Seconds in each state since the KPI window opened (line start, or the warm-up's end), closed spells only. */
  readonly windowSec: number[];
}

/**
 * The production line over simulated time, folded from the episode's events alone: every
 * machine's state spells (`line.started`, then `machine.state`), and the units in the line
 * (`unit.released` +1, `unit.completed` −1, a scrapped `unit.processed` −1), the same counts the
 * sim's line KPIs reduce. Shares and the WIP average cover the KPI window: from the line's start,
 * or from the warm-up's end when the line has one (`line.started.warmupSec`), so they read as
 * `kpis.things.machine` / `kpis.things.sink` do at the same instant.
 */
export class LineTimeline {
  readonly machines: MachineTrack[] = [];
  /** WIP series: units in the line from `wipSec[i]` on. */
  readonly wipSec: number[] = [];
  readonly wipUnits: number[] = [];
  /** When the line started (its first event), and the warm-up's end (0 without one); -1 before `line.started`. */
  startSec = -1;
  warmupSec = 0;
  /** Latest event time folded in. */
  lastEventSec = 0;
  private readonly byIndex = new Map<number, MachineTrack>();
  private wipNow = 0;
  /** Unit-seconds in the line since the window opened, up to `wipSinceSec`. */
  private wipAreaUnitSec = 0;
  private wipSinceSec = 0;

  /** Start of the KPI window: the warm-up's end, or the line's start. */
  get windowStartSec(): number {
    return Math.max(this.startSec, this.warmupSec);
  }

  /** True once the episode has reported a line. */
  get hasLine(): boolean {
    return this.startSec >= 0;
  }

  /** Folds a batch of events in (any order of kinds; events are in time order). */
  add(events: readonly SimEvent[]): void {
    for (const e of events) {
      switch (e.type) {
        case 'line.started':
          this.startSec = e.atSec;
          this.warmupSec = e.warmupSec !== undefined && e.warmupSec > e.atSec ? e.warmupSec : 0;
          this.wipSinceSec = this.windowStartSec;
          e.machines.forEach((name, i) => this.track(i, name, e.atSec));
          this.pushWip(e.atSec);
          break;
        case 'machine.state': {
          const t = this.track(e.machine, e.name, e.atSec, e.from);
          this.closeSpell(t, e.atSec);
          t.startSec.push(e.atSec);
          t.states.push(STATE_CODE[e.to]);
          if (t.startSec.length > MAX_SPELLS_PER_MACHINE) dropOlderHalf(t.startSec, t.states);
          break;
        }
        case 'unit.released':
          this.stepWip(e.atSec, +1);
          break;
        case 'unit.completed':
          this.stepWip(e.atSec, -1);
          break;
        case 'unit.processed':
          if (e.scrapped) this.stepWip(e.atSec, -1);
          break;
        default:
          continue;
      }
      this.lastEventSec = Math.max(this.lastEventSec, e.atSec);
    }
  }

  /** Machine `m`'s share of the KPI window up to `nowSec` in each state (summing to 1), as `kpis.things.machine['<name>.<state>']`. */
  sharesAt(m: number, nowSec: number): Record<MachineStateName, number> {
    const t = this.machines[m]!;
    const from = this.windowStartSec;
    const sec = [...t.windowSec];
    const last = t.startSec.length - 1;
    sec[t.states[last]!]! += Math.max(0, nowSec - Math.max(from, t.startSec[last]!));
    const total = sec.reduce((a, b) => a + b, 0);
    return Object.fromEntries(MACHINE_STATES.map((s, i) => [s, total > 0 ? sec[i]! / total : s === 'idle' ? 1 : 0])) as Record<MachineStateName, number>;
  }

  /** Units in the line now (after every event folded in). */
  get wipNowUnits(): number {
    return this.wipNow;
  }

  /** Time-average units in the line over the KPI window up to `nowSec`, as `kpis.things.sink.wipUnits`. */
  wipAverageAt(nowSec: number): number {
    const from = this.windowStartSec;
    const span = nowSec - from;
    if (!(span > 0)) return 0;
    return (this.wipAreaUnitSec + this.wipNow * Math.max(0, nowSec - Math.max(from, this.wipSinceSec))) / span;
  }

  private track(index: number, name: string, atSec: number, from: MachineStateName = 'idle'): MachineTrack {
    let t = this.byIndex.get(index);
    if (!t) {
      t = { name, startSec: [atSec], states: [STATE_CODE[from]], windowSec: MACHINE_STATES.map(() => 0) };
      this.byIndex.set(index, t);
      this.machines[index] = t;
    }
    return t;
  }

  /** Adds the current spell's part inside the window, up to `atSec`, to the window totals. */
  private closeSpell(t: MachineTrack, atSec: number): void {
    const last = t.startSec.length - 1;
    const from = Math.max(this.windowStartSec, t.startSec[last]!);
    if (atSec > from) t.windowSec[t.states[last]!]! += atSec - from;
  }

  private stepWip(atSec: number, delta: number): void {
    const from = this.windowStartSec;
    if (atSec > from) {
      this.wipAreaUnitSec += this.wipNow * (atSec - Math.max(from, this.wipSinceSec));
      this.wipSinceSec = atSec;
    }
    this.wipNow += delta;
    this.pushWip(atSec);
  }

  private pushWip(atSec: number): void {
    const n = this.wipSec.length;
    if (n > 0 && this.wipSec[n - 1] === atSec) this.wipUnits[n - 1] = this.wipNow;
    else {
      this.wipSec.push(atSec);
      this.wipUnits.push(this.wipNow);
      if (this.wipSec.length > MAX_WIP_POINTS) dropOlderHalf(this.wipSec, this.wipUnits);
    }
  }
}

function dropOlderHalf(a: number[], b: number[]): void {
  const n = Math.floor(a.length / 2);
  a.splice(0, n);
  b.splice(0, n);
}
