/**
 * Observation and action spaces as plain data (JSON-serialisable), in Gymnasium's vocabulary, so
 * the Python client can rebuild them with `gymnasium.spaces` and a test can check that every
 * observation a run produces lies in its space.
 */

/** Element types of a {@link BoxSpace}. */
export type SpaceDtype = 'float32' | 'float64' | 'int32' | 'uint8';

/** A box of numbers: `shape` (row-major), elementwise bounds `low`/`high` (one number for all). */
export interface BoxSpace {
  readonly type: 'box';
  readonly shape: readonly number[];
  readonly dtype: SpaceDtype;
  readonly low: number;
  readonly high: number;
}

/** One integer in `[0, n)`. */
export interface DiscreteSpace {
  readonly type: 'discrete';
  readonly n: number;
}

/** One integer per entry, entry `k` in `[0, nvec[k])`. */
export interface MultiDiscreteSpace {
  readonly type: 'multi-discrete';
  readonly nvec: readonly number[];
}

/** Named sub-spaces, keys in a fixed order. */
export interface DictSpace {
  readonly type: 'dict';
  readonly spaces: Readonly<Record<string, Space>>;
}

export type Space = BoxSpace | DiscreteSpace | MultiDiscreteSpace | DictSpace;

/** A box space. */
export function box(shape: readonly number[], low: number, high: number, dtype: SpaceDtype = 'float32'): BoxSpace {
  return Object.freeze({ type: 'box', shape: Object.freeze([...shape]), dtype, low, high });
}

/** A discrete space of `n` actions. */
export function discrete(n: number): DiscreteSpace {
  return Object.freeze({ type: 'discrete', n });
}

/** A multi-discrete space. */
export function multiDiscrete(nvec: readonly number[]): MultiDiscreteSpace {
  return Object.freeze({ type: 'multi-discrete', nvec: Object.freeze([...nvec]) });
}

/** A dict space. */
export function dict(spaces: Record<string, Space>): DictSpace {
  return Object.freeze({ type: 'dict', spaces: Object.freeze({ ...spaces }) });
}

/** Number of elements of a box shape. */
export function shapeSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Values a space's members take: typed/plain number arrays for boxes, numbers, dicts of those. */
export type SpaceValue = number | ArrayLike<number> | { readonly [key: string]: SpaceValue };

/**
 * Why `value` is not a member of `space` (with the path to the offending entry), or null when it
 * is. Boxes accept any array-like of the right length whose entries are finite (integers for
 * integer dtypes) and within bounds.
 */
export function whyNotIn(space: Space, value: unknown, path = ''): string | null {
  const at = path === '' ? 'value' : path;
  switch (space.type) {
    case 'discrete':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) < space.n
        ? null
        : `${at}: ${String(value)} is not an integer in [0, ${space.n})`;
    case 'multi-discrete': {
      const arr = value as ArrayLike<number>;
      if (!arr || typeof arr !== 'object' || arr.length !== space.nvec.length) return `${at}: expected ${space.nvec.length} integers`;
      for (let k = 0; k < arr.length; k++) {
        const v = arr[k]!;
        if (!Number.isInteger(v) || v < 0 || v >= space.nvec[k]!) return `${at}[${k}]: ${v} is not an integer in [0, ${space.nvec[k]})`;
      }
      return null;
    }
    case 'box': {
      const arr = value as ArrayLike<number>;
      const size = shapeSize(space.shape);
      if (!arr || typeof arr !== 'object' || arr.length !== size) return `${at}: expected ${size} numbers (shape [${space.shape.join(', ')}])`;
      const integer = space.dtype !== 'float32' && space.dtype !== 'float64';
      for (let k = 0; k < size; k++) {
        const v = arr[k]!;
        if (typeof v !== 'number' || !Number.isFinite(v) || v < space.low || v > space.high || (integer && !Number.isInteger(v))) {
          return `${at}[${k}]: ${v} is outside [${space.low}, ${space.high}]${integer ? ' or not an integer' : ''}`;
        }
      }
      return null;
    }
    case 'dict': {
      if (!value || typeof value !== 'object') return `${at}: expected an object with keys ${Object.keys(space.spaces).join(', ')}`;
      for (const [key, sub] of Object.entries(space.spaces)) {
        const why = whyNotIn(sub, (value as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`);
        if (why) return why;
      }
      const extra = Object.keys(value).filter((k) => !(k in space.spaces));
      return extra.length > 0 ? `${at}: unexpected keys ${extra.join(', ')}` : null;
    }
  }
}

/** Whether `value` is a member of `space`. */
export function contains(space: Space, value: unknown): boolean {
  return whyNotIn(space, value) === null;
}

/** A uniform sample of a discrete / multi-discrete / bounded box space from `nextFloat` in [0, 1). */
export function sampleSpace(space: Space, nextFloat: () => number): SpaceValue {
  switch (space.type) {
    case 'discrete':
      return Math.floor(nextFloat() * space.n);
    case 'multi-discrete':
      return space.nvec.map((n) => Math.floor(nextFloat() * n));
    case 'box': {
      const out = new Array<number>(shapeSize(space.shape));
      const integer = space.dtype !== 'float32' && space.dtype !== 'float64';
      for (let k = 0; k < out.length; k++) {
        const v = space.low + nextFloat() * (space.high - space.low);
        out[k] = integer ? Math.floor(v) : Math.fround(v);
      }
      return out;
    }
    case 'dict':
      return Object.fromEntries(Object.entries(space.spaces).map(([k, s]) => [k, sampleSpace(s, nextFloat)]));
  }
}
