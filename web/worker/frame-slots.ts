import type { FrameSectionLayout, PoseFrame } from '../../sim/index.ts';
import type { FrameSections } from '../shared/protocol.ts';

/**
 * Two slots of pose sections in one SharedArrayBuffer, written alternately: the main thread reads
 * only the slot of the newest result, so the worker never writes the slot being drawn. A slot
 * holds one region per section of the frame layout (`count * stride` floats each, in order).
 */
export class SharedFrameSlots {
  private readonly slots: [FrameSections, FrameSections];
  private next: 0 | 1 = 0;

  constructor(layout: readonly FrameSectionLayout[]) {
    const per = layout.reduce((n, s) => n + s.count * s.stride, 0);
    const sab = new SharedArrayBuffer(Math.max(1, per * 2) * 4);
    const slot = (base: number): FrameSections => {
      const views: FrameSections = {};
      let at = base;
      for (const s of layout) {
        views[s.kind] = new Float32Array(sab, at * 4, s.count * s.stride);
        at += s.count * s.stride;
      }
      return views;
    };
    this.slots = [slot(0), slot(per)];
  }

  /** Copies every section of `frame` into the next slot and returns that slot's views. */
  write(frame: PoseFrame): FrameSections {
    const views = this.slots[this.next];
    this.next = this.next === 0 ? 1 : 0;
    for (const [kind, view] of Object.entries(views)) {
      const src = frame.sections[kind];
      if (src) view.set(src.length > view.length ? src.subarray(0, view.length) : src);
    }
    return views;
  }
}

/** The distinct buffers behind a frame's sections, for a transfer list (a buffer listed twice throws). */
export function sectionBuffers(sections: FrameSections): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const s of Object.values(sections)) if (s.buffer instanceof ArrayBuffer) out.add(s.buffer);
  return [...out];
}
