import { specAsRun } from '../host/spec-as-run.ts';
import type { SimEvent } from '../events/sim-event.ts';
import { frameLayout, type PoseFrame } from '../host/pose-frame.ts';
import type { Kpis } from '../metrics/kpis.ts';
import type { SimModel } from '../model/sim-model.ts';
import type { Replay, ReplayHeader, ReplayKeyframe } from './replay-format.ts';

/** Collects keyframes and events while a host runs; {@link ReplayRecorder.finish} returns the replay. */
export interface ReplayRecorder {
  /** Copies the poses of `frame` as a keyframe (call every `keyframeEveryTicks` and at the end). */
  keyframe(frame: PoseFrame): void;
  /** Appends the events of one advance. */
  events(events: readonly SimEvent[]): void;
  finish(ticks: number, kpis: Kpis, hash: string): Replay;
}

/** A recorder for one episode. `header.ticks` is filled in by `finish`. */
export function createReplayRecorder(header: Omit<ReplayHeader, 'ticks'>): ReplayRecorder {
  const keyframes: ReplayKeyframe[] = [];
  const log: SimEvent[] = [];
  return {
    keyframe(frame) {
      const last = keyframes[keyframes.length - 1];
      if (last && last.tick === frame.tick) return;
      const sections: Record<string, Float32Array> = {};
      for (const section of header.sections)
        sections[section.kind] = (frame.sections[section.kind] ?? new Float32Array(section.count * section.stride)).slice();
      keyframes.push({ tick: frame.tick, sections });
    },
    events(events) {
      for (const e of events) log.push(e);
    },
    finish(ticks, kpis, hash) {
      return { header: { ...header, ticks }, keyframes, events: log, trailer: { kpis, hash } };
    },
  };
}

/** The header of a replay of `model` (the spec as run, the frame layout), for {@link createReplayRecorder}. */
export function replayHeaderOf(model: SimModel, seed: number, controller: string, keyframeEveryTicks: number): Omit<ReplayHeader, 'ticks'> {
  return {
    scenarioId: model.id,
    title: model.spec.title,
    seed,
    controller,
    hz: model.hz,
    keyframeEveryTicks,
    sections: frameLayout(model).map((s) => ({ ...s, fields: [...s.fields] })),
    spec: specAsRun(model),
  };
}

/**
 * Index of the last keyframe at or before `tick` (0 when `tick` precedes them all).
 * Keyframes are in ascending tick order.
 */
export function keyframeIndexAt(keyframes: readonly ReplayKeyframe[], tick: number): number {
  let lo = 0;
  let hi = keyframes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (keyframes[mid]!.tick <= tick) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
