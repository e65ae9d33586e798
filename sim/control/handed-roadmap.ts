import type { Roadmap } from '../model/roadmap.ts';

/** The typed arrays of a roadmap (the parts a controller could write into). */
const ARRAYS = ['nodeX', 'nodeZ', 'nodeCell', 'nodeKind', 'cellNode', 'edgeStart', 'edgeTarget', 'edgeDir'] as const;

/**
 * The roadmap as controllers are handed it: a frozen object over copies of the model's arrays
 * (JavaScript has no read-only typed arrays). `repair` puts back anything a controller wrote into
 * the copies, so neither the model nor the next observation can be changed through it.
 */
export interface HandedRoadmap {
  readonly roadmap: Roadmap;
  /** Restores the copies from the model's arrays; true when a controller had written into them. */
  repair(): boolean;
}

/** A handed copy of `source` (made once per episode; repaired after every controller call). */
export function createHandedRoadmap(source: Roadmap): HandedRoadmap {
  const copy = { ...source } as Record<string, unknown>;
  for (const key of ARRAYS) copy[key] = source[key].slice();
  const roadmap = Object.freeze(copy) as unknown as Roadmap;
  return {
    roadmap,
    repair() {
      let dirty = false;
      for (const key of ARRAYS) {
        const from = source[key] as ArrayLike<number>;
        const to = roadmap[key] as { [i: number]: number; length: number; set(a: ArrayLike<number>): void };
        for (let i = 0; i < from.length; i++) {
          if (to[i] !== from[i] && !(Number.isNaN(to[i]) && Number.isNaN(from[i]))) {
            to.set(from);
            dirty = true;
            break;
          }
        }
      }
      return dirty;
    },
  };
}
