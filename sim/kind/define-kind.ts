import type { ColumnSpec, ThingTable } from '../state/columns.ts';

/** Anything holding the kind tables by kind id: a `SimState`, or a part of one. */
export interface HasThingTables {
  readonly things: Readonly<Record<string, ThingTable>>;
}

/** Anything holding each kind's data by kind id: a `SimState`. */
export interface HasKindData {
  readonly data: Readonly<Record<string, unknown>>;
}

/** Anything holding the compiled things by kind id: a `SimModel`, or a part of one. */
export interface HasCompiledThings {
  readonly things: Readonly<Record<string, readonly unknown[]>>;
}

/**
 * A kind's typed handle (as bitECS's `defineComponent`): its id and columns, and typed views of
 * its state table, its compiled things and the fields its `compile` added to the model. Code of
 * the kind reaches its own data through it, never through a cast.
 *
 * @typeParam C - the kind's columns
 * @typeParam M - one compiled thing of the kind
 * @typeParam X - the read-only fields the kind's `compile` adds to the model (`storageNodes` …)
 * @typeParam D - the kind's state beyond its table (`createData`), e.g. orders and tasks
 */
export interface KindHandle<C extends ColumnSpec, M = never, X extends object = Record<never, never>, D = never> {
  readonly id: string;
  readonly columns: C;
  /** The kind's state table (one row per thing). */
  table(state: HasThingTables): ThingTable<C>;
  /** The kind's compiled things, in id order (empty when the scenario has none). */
  things(model: HasCompiledThings): readonly M[];
  /** The fields the kind's `compile` added to the model. */
  fields(model: object): Readonly<X>;
  /** The kind's data in the state (made by its `createData`). */
  data(state: HasKindData): D;
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * Declares a kind's table: its registry id and columns, with the types of its compiled things and
 * model fields. The kind's `KindDef` takes `id` and `columns` from it.
 * @example
 * export const personRows = defineKind<typeof PERSON_COLUMNS, PersonModel>('person', PERSON_COLUMNS);
 * const p = personRows.table(state); // typed columns: p.posX is a Float64Array
 */
export function defineKind<C extends ColumnSpec, M = never, X extends object = Record<never, never>, D = never>(
  id: string,
  columns: C,
): KindHandle<C, M, X, D> {
  return Object.freeze({
    id,
    columns,
    // The one place a kind's untyped table, things, model fields and data meet their declared types:
    // the registry builds `things[id]` from exactly these columns (createThingTables).
    table: (state: HasThingTables) => state.things[id] as ThingTable<C>,
    things: (model: HasCompiledThings) => (model.things[id] ?? NONE) as readonly M[],
    fields: (model: object) => model as Readonly<X>,
    data: (state: HasKindData) => state.data[id] as D,
  });
}
