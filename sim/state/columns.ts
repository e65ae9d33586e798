/**
 * State columns of a kind of thing: one typed array (or one list per row) per field, indexed by
 * the thing's id (structure of arrays, as in bitECS). A kind declares its columns once; creating,
 * hashing, snapshotting, restoring and shipping them is generic, so no column can be forgotten.
 */

/** Storage of one column: 64-bit float, 32-bit signed int, byte, or a list of numbers per row. */
export type ColumnType = 'f64' | 'i32' | 'u8' | 'list';

/** One column: its storage and the value every row starts with (ignored for `list`: rows start empty). */
export interface ColumnDef {
  readonly type: ColumnType;
  readonly init?: number;
}

/** A kind's columns, in the order they are hashed and snapshotted. */
export type ColumnSpec = Readonly<Record<string, ColumnDef>>;

/** The array type behind a column of the given storage. */
export type ColumnArray<T extends ColumnType> = T extends 'f64' ? Float64Array : T extends 'i32' ? Int32Array : T extends 'u8' ? Uint8Array : number[][];

/** A kind's state table: `count` rows and one array per declared column. */
export type ThingTable<C extends ColumnSpec = ColumnSpec> = { count: number } & { -readonly [K in keyof C]: ColumnArray<C[K]['type']> };

/** Shorthand constructors for column declarations. */
export const col = {
  f64: (init = 0): { readonly type: 'f64'; readonly init: number } => ({ type: 'f64', init }),
  i32: (init = 0): { readonly type: 'i32'; readonly init: number } => ({ type: 'i32', init }),
  u8: (init = 0): { readonly type: 'u8'; readonly init: number } => ({ type: 'u8', init }),
  list: (): { readonly type: 'list' } => ({ type: 'list' }),
} as const;

function createColumn(def: ColumnDef, n: number): Float64Array | Int32Array | Uint8Array | number[][] {
  switch (def.type) {
    case 'f64':
      return new Float64Array(n).fill(def.init ?? 0);
    case 'i32':
      return new Int32Array(n).fill(def.init ?? 0);
    case 'u8':
      return new Uint8Array(n).fill(def.init ?? 0);
    case 'list':
      return Array.from({ length: n }, () => []);
  }
}

/** A table of `n` rows, every column at its initial value. */
export function createThingTable<C extends ColumnSpec>(columns: C, n: number): ThingTable<C> {
  // Built in one go: adding 20-odd properties one by one can leave V8 with a slow (dictionary) object,
  // and stages read these columns in their innermost loops.
  return Object.fromEntries([['count', n], ...Object.entries(columns).map(([name, def]) => [name, createColumn(def, n)])]) as ThingTable<C>;
}

/** The table as plain JSON-able data, columns in declared order (same table ⇒ same JSON). */
export function tableToPlain(columns: ColumnSpec, table: ThingTable): Record<string, unknown> {
  const out: Record<string, unknown> = { count: table.count };
  for (const [name, def] of Object.entries(columns)) {
    const value = (table as Record<string, unknown>)[name];
    out[name] = def.type === 'list' ? value : Array.from(value as ArrayLike<number>);
  }
  return out;
}

/**
 * Rebuilds a table from {@link tableToPlain} output.
 * @throws Error naming the column when the data does not fit the declared columns.
 */
export function tableFromPlain<C extends ColumnSpec>(columns: C, plain: Record<string, unknown>, kind: string): ThingTable<C> {
  const count = plain.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw new Error(`snapshot: ${kind}.count is not a row count`);
  const table = createThingTable(columns, count);
  for (const [name, def] of Object.entries(columns)) {
    const value = plain[name];
    if (!Array.isArray(value) || value.length !== count) throw new Error(`snapshot: ${kind}.${name} is missing or does not have ${count} rows`);
    if (def.type === 'list') (table as Record<string, unknown>)[name] = value.map((row: unknown) => (Array.isArray(row) ? row.map(Number) : []));
    else ((table as Record<string, unknown>)[name] as { set(a: ArrayLike<number>): void }).set(value as number[]);
  }
  return table;
}
