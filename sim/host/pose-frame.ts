import type { SimModel } from '../model/sim-model.ts';
import type { SimState } from '../state/sim-state.ts';

/** One kind's section of a pose frame: `count` things, `stride` floats each, named by `fields`. */
export interface FrameSectionLayout {
  readonly kind: string;
  readonly count: number;
  readonly stride: number;
  readonly fields: readonly string[];
}

/**
 * Poses of everything that moves, one flat Float32Array per kind with a frame section (`count ×
 * stride` floats, fields in layout order): cheap to transfer from a worker. `episode` identifies
 * the loaded episode so a host can drop frames from a previous one.
 */
export interface PoseFrame {
  episode: number;
  tick: number;
  sections: Record<string, Float32Array>;
}

const layouts = new WeakMap<SimModel, readonly FrameSectionLayout[]>();

/** The frame layout of a model: the kinds with a frame section and at least one thing, in registry order. */
export function frameLayout(model: SimModel): readonly FrameSectionLayout[] {
  let layout = layouts.get(model);
  if (!layout) {
    layout = Object.freeze(
      model.kinds.kinds.flatMap((kind) =>
        kind.frame && (model.things[kind.id]?.length ?? 0) > 0
          ? [Object.freeze({ kind: kind.id, count: model.things[kind.id]?.length ?? 0, stride: kind.frame.fields.length, fields: kind.frame.fields })]
          : [],
      ),
    );
    layouts.set(model, layout);
  }
  return layout;
}

/** Writes the current poses into `frame` (reusing its arrays when they fit). */
export function writePoseFrame(model: SimModel, state: SimState, episode: number, frame?: PoseFrame): PoseFrame {
  const sections: Record<string, Float32Array> = {};
  for (const section of frameLayout(model)) {
    const size = section.count * section.stride;
    const reuse = frame?.sections[section.kind];
    const out = reuse && reuse.length === size ? reuse : new Float32Array(size);
    model.kinds.get(section.kind)!.frame!.write(model, state, out);
    sections[section.kind] = out;
  }
  return { episode, tick: state.tick, sections };
}
