import { hashString32 } from '../util/hash.ts';

/**
 * Serialisable state of one random stream: four 32-bit words of xoshiro128**.
 * Plain numbers so it can live in `SimState`, be hashed and be snapshotted.
 */
export type RngState = [number, number, number, number];

/** A seeded random stream: the only source of randomness inside the simulation. */
export interface Rng {
  /** Uniform float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [lo, hi] inclusive. */
  range(lo: number, hi: number): number;
  /** Poisson-distributed count with mean `mean` (Knuth's method; fine for mean < 30). */
  poisson(mean: number): number;
  /** The stream's current state (a copy). */
  save(): RngState;
  /** A child stream whose sequence depends only on this stream's seed and `name`. */
  fork(name: string): Rng;
}

/** splitmix32: spreads one 32-bit seed over the four state words. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Seed state for `seed` (any safe integer) and a stream `name`. */
export function seedRngState(seed: number, name = ''): RngState {
  const mix = splitmix32((hashString32(`${name}#${seed}`) ^ (seed >>> 0)) >>> 0);
  const state: RngState = [mix(), mix(), mix(), mix()];
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return state;
}

/**
 * xoshiro128** over a state array that it mutates in place, so the owner (usually `SimState`)
 * always holds the live state. Only integer ops: identical in every JS engine.
 */
export function createRng(state: RngState, seedLabel: { seed: number; name: string } = { seed: 0, name: '' }): Rng {
  const nextU32 = (): number => {
    const s = state;
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] = (s[2] ^ s[0]) >>> 0;
    s[3] = (s[3] ^ s[1]) >>> 0;
    s[1] = (s[1] ^ s[2]) >>> 0;
    s[0] = (s[0] ^ s[3]) >>> 0;
    s[2] = (s[2] ^ t) >>> 0;
    s[3] = rotl(s[3], 11);
    return result;
  };
  const next = (): number => nextU32() / 4294967296;
  return {
    next,
    int: (n) => Math.floor(next() * n),
    range: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    poisson(mean) {
      if (!(mean > 0)) return 0;
      const limit = poissonLimit(mean);
      let k = 0;
      let p = 1;
      do {
        k += 1;
        p *= next();
      } while (p > limit && k < 1000);
      return k - 1;
    },
    save: () => [state[0], state[1], state[2], state[3]],
    fork: (name) => {
      const childName = `${seedLabel.name}/${name}`;
      return createRng(seedRngState(seedLabel.seed, childName), { seed: seedLabel.seed, name: childName });
    },
  };
}

const poissonLimits = new Map<number, number>();
/** e^-mean, cached: computed once per distinct mean, so per-tick work is multiplications only. */
function poissonLimit(mean: number): number {
  let v = poissonLimits.get(mean);
  if (v === undefined) {
    v = Math.exp(-mean);
    poissonLimits.set(mean, v);
  }
  return v;
}

/** The root stream of an episode. Consumers take named forks so adding one never shifts another. */
export function createRootRng(seed: number): Rng {
  return createRng(seedRngState(seed, ''), { seed, name: '' });
}

const streamsOver = new WeakMap<readonly number[], Rng>();

/**
 * The stream over a state array kept in a table row (a `list` column): one `Rng` per array, made
 * once and kept while the array lives. It draws exactly as `createRng(row)` would (the array holds
 * the live state either way); it only spares building a stream on every draw.
 */
export function rngOver(row: number[]): Rng {
  let rng = streamsOver.get(row);
  if (!rng) streamsOver.set(row, (rng = createRng(row as RngState)));
  return rng;
}
