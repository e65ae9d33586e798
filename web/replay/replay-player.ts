import {
  createKpiAccumulator,
  finalizeKpis,
  keyframeIndexAt,
  LOAD_STRIDE,
  reduceKpis,
  ROBOT_STRIDE,
  type KpiAccumulator,
  type Kpis,
  type Replay,
  type SimEvent,
} from '../../sim/index.ts';

/**
 * Plays a decoded replay: poses at any tick (interpolated between keyframes), and KPIs folded
 * from the recorded events with the sim's own reducer.
 */
export class ReplayPlayer {
  readonly robots: Float32Array;
  readonly loads: Float32Array;
  private acc: KpiAccumulator;
  private folded = 0;
  private foldedTick = -1;

  constructor(readonly replay: Replay) {
    const h = replay.header;
    this.robots = new Float32Array(h.robots * ROBOT_STRIDE);
    this.loads = new Float32Array(h.loads * LOAD_STRIDE);
    this.acc = createKpiAccumulator(h.hz);
  }

  get endTick(): number {
    return this.replay.header.ticks;
  }

  /** Writes the poses at `tick` into `robots` and `loads`. */
  poseAt(tick: number): void {
    const frames = this.replay.keyframes;
    const i = keyframeIndexAt(frames, tick);
    const a = frames[i]!;
    const b = frames[Math.min(i + 1, frames.length - 1)]!;
    const t = b.tick > a.tick ? Math.min(1, Math.max(0, (tick - a.tick) / (b.tick - a.tick))) : 0;
    this.robots.set(a.robots);
    this.loads.set(a.loads);
    if (t === 0) return;
    for (let o = 0; o < this.robots.length; o += ROBOT_STRIDE) {
      for (const j of [0, 1, 4]) this.robots[o + j] = a.robots[o + j]! + (b.robots[o + j]! - a.robots[o + j]!) * t;
      const hx = a.robots[o + 2]! + (b.robots[o + 2]! - a.robots[o + 2]!) * t;
      const hz = a.robots[o + 3]! + (b.robots[o + 3]! - a.robots[o + 3]!) * t;
      const len = Math.hypot(hx, hz);
      if (len > 1e-3) {
        this.robots[o + 2] = hx / len;
        this.robots[o + 3] = hz / len;
      }
    }
    for (let o = 0; o < this.loads.length; o += LOAD_STRIDE) {
      for (let j = 0; j < 3; j++) this.loads[o + j] = a.loads[o + j]! + (b.loads[o + j]! - a.loads[o + j]!) * t;
    }
  }

  /** KPIs as they stood at `tick` (events of earlier ticks folded). */
  kpisAt(tick: number): Kpis {
    if (tick < this.foldedTick) {
      this.acc = createKpiAccumulator(this.replay.header.hz);
      this.folded = 0;
    }
    const events = this.replay.events;
    while (this.folded < events.length && events[this.folded]!.tick < tick) reduceKpis(this.acc, events[this.folded++]!);
    this.foldedTick = tick;
    return finalizeKpis(this.acc, tick / this.replay.header.hz);
  }

  /** Events with `from <= tick < to`. */
  eventsBetween(from: number, to: number): SimEvent[] {
    return this.replay.events.filter((e) => e.tick >= from && e.tick < to);
  }

  /** Throughput over the whole recording, one point every `everySec` simulated seconds. */
  throughputSeries(everySec = 30): { minutes: number[]; perHour: number[] } {
    const hz = this.replay.header.hz;
    const acc = createKpiAccumulator(hz);
    const minutes: number[] = [];
    const perHour: number[] = [];
    let e = 0;
    const events = this.replay.events;
    const step = Math.max(1, Math.round(everySec * hz));
    for (let tick = step; tick <= this.endTick; tick = tick + step > this.endTick && tick < this.endTick ? this.endTick : tick + step) {
      while (e < events.length && events[e]!.tick < tick) reduceKpis(acc, events[e++]!);
      minutes.push(tick / hz / 60);
      perHour.push(finalizeKpis(acc, tick / hz).throughputPerHour);
      if (tick === this.endTick) break;
    }
    return { minutes, perHour };
  }
}
