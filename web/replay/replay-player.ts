import {
  createKpiAccumulator,
  finalizeKpis,
  keyframeIndexAt,
  reduceKpis,
  type FrameSectionLayout,
  type KpiAccumulator,
  type Kpis,
  type Replay,
  type SimEvent,
} from '../../sim/page-api.ts';
import type { FrameSections } from '../shared/protocol.ts';
import { interpolateSection, sectionBlend, type SectionBlend } from './interpolate-section.ts';

/**
 * Plays a decoded replay: poses at any tick (interpolated between keyframes), and KPIs folded
 * from the recorded events with the sim's own reducer.
 */
export class ReplayPlayer {
  /** The recorded frame layout (one section per kind). */
  readonly layout: readonly FrameSectionLayout[];
  /** Poses at the last {@link poseAt} tick, one array per kind. */
  readonly sections: FrameSections = {};
  private readonly blends: Array<{ kind: string; blend: SectionBlend }>;
  private acc: KpiAccumulator;
  private folded = 0;
  private foldedTick = -1;

  constructor(readonly replay: Replay) {
    const h = replay.header;
    this.layout = h.sections;
    for (const s of h.sections) this.sections[s.kind] = new Float32Array(s.count * s.stride);
    this.blends = h.sections.map((s) => ({ kind: s.kind, blend: sectionBlend(s) }));
    this.acc = createKpiAccumulator(h.hz);
  }

  get endTick(): number {
    return this.replay.header.ticks;
  }

  /** Writes the poses at `tick` into {@link sections}, every kind interpolated between keyframes. */
  poseAt(tick: number): void {
    const frames = this.replay.keyframes;
    const i = keyframeIndexAt(frames, tick);
    const a = frames[i]!;
    const b = frames[Math.min(i + 1, frames.length - 1)]!;
    const t = b.tick > a.tick ? Math.min(1, Math.max(0, (tick - a.tick) / (b.tick - a.tick))) : 0;
    for (const { kind, blend } of this.blends) {
      const from = a.sections[kind];
      if (from) interpolateSection(blend, from, b.sections[kind] ?? from, t, this.sections[kind]!);
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
