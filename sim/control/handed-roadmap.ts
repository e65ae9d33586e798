import type { Roadmap } from '../model/roadmap.ts';

/** The typed arrays of a roadmap (the parts a controller could write into). */
const ARRAYS = ['nodeX', 'nodeZ', 'nodeCell', 'nodeKind', 'cellNode', 'edgeStart', 'edgeTarget', 'edgeDir'] as const;

/** Every this many calls, `repair` also compares (to report a write) before it restores. */
const CHECK_EVERY_CALLS = 16;

type Typed = Float64Array | Int32Array | Uint8Array;

/**
 * The roadmap as controllers are handed it: a frozen object over copies of the model's arrays
 * (JavaScript has no read-only typed arrays). `repair` copies the model's arrays back over the
 * copies after every controller call (a memcpy of 421 kB for the 9,099-node, 30,942-edge
 * g2p-large roadmap: about 25 µs, i.e. 8 µs a tick at one decision every three ticks), so neither
 * the model nor the next observation can be changed through them.
 */
export interface HandedRoadmap {
  readonly roadmap: Roadmap;
  /**
   * Restores the copies. On the first call and every {@link CHECK_EVERY_CALLS}-th it first
   * compares them with the model's and returns true when a controller had written into them.
   */
  repair(): boolean;
}

const words = (a: Typed) => new Uint32Array(a.buffer, a.byteOffset, a.byteLength >> 2);

/** Whether two same-length arrays differ in any byte (compared a 32-bit word at a time). */
function differs(wa: Uint32Array, wb: Uint32Array, a: Typed, b: Typed): boolean {
  // The 1–3 bytes past the last whole word first: this runs rarely, so V8 compiles the word loop
  // on the fly, and would throw that code away again at any step after it that it had never seen run.
  if (tailDiffers(a, b, wa.length * 4)) return true;
  for (let i = 0; i < wa.length; i++) if (wa[i] !== wb[i]) return true;
  return false;
}

/** Whether the bytes from `from` to the end differ. */
function tailDiffers(a: Typed, b: Typed, from: number): boolean {
  if (from === a.byteLength) return false;
  const ba = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const bb = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = from; i < ba.length; i++) if (ba[i] !== bb[i]) return true;
  return false;
}

/** A handed copy of `source` (made once per episode; repaired after every controller call). */
export function createHandedRoadmap(source: Roadmap): HandedRoadmap {
  const copy = { ...source } as Record<string, unknown>;
  for (const key of ARRAYS) copy[key] = source[key].slice();
  const roadmap = Object.freeze(copy) as unknown as Roadmap;
  const pairs = ARRAYS.map((key) => {
    const from = source[key] as Typed;
    const to = roadmap[key] as Typed;
    return { from, to, fromWords: words(from), toWords: words(to) };
  });
  let calls = 0;
  return {
    roadmap,
    repair() {
      const check = calls++ % CHECK_EVERY_CALLS === 0;
      let dirty = false;
      for (const p of pairs) {
        if (check && !dirty && differs(p.fromWords, p.toWords, p.from, p.to)) dirty = true;
        (p.to as Float64Array).set(p.from as Float64Array);
      }
      return dirty;
    },
  };
}

/** The model's own roadmap, handed as it is to a trusted controller: nothing to copy or repair. */
export function handModelRoadmap(source: Roadmap): HandedRoadmap {
  return { roadmap: source, repair: () => false };
}
