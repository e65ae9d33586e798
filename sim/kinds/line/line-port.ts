import type { SimState } from '../../state/sim-state.ts';
import type { StageContext } from '../../kind/stage-slots.ts';
import { lineTables, type LineTables } from './line-columns.ts';
import type { LineModel } from './line-model.ts';
import type { LineUnit } from './line-units.ts';

/** What a port works with: the compiled line, the live tables and the state (for events). */
export interface LineRun {
  readonly line: LineModel;
  readonly tables: LineTables;
  readonly state: SimState;
  /** The stage context, for ports backed by other kinds (conveyors, line-side stands). */
  readonly ctx: StageContext;
}

export function lineRun(line: LineModel, ctx: StageContext): LineRun {
  return { line, tables: lineTables(ctx.state.things), state: ctx.state, ctx };
}

/**
 * Where a machine takes units from and puts them into, over unit ids. The logical source, buffer
 * and sink are the first implementations; a conveyor end or an arm cell joins the line by
 * implementing this for its kind and adding itself to `LINE_PORTS`. All calls happen at an exact
 * event time `atSec` inside the line's event loop; a port whose readiness changes outside the loop
 * (a conveyor delivering an item in its own stage) is seen at the start of the next tick's loop.
 *
 * - `canTake(i)`: thing `i` has a unit ready to be taken now;
 * - `take(i, atSec)`: removes and returns it (only after `canTake`);
 * - `canPut(i)`: thing `i` has room for one more unit now (blocking after service: a machine whose
 *   `to` cannot take its finished unit keeps it and is `blocked` until `canPut` turns true);
 * - `put(i, unit, atSec)`: hands a unit over (only after `canPut`).
 */
export interface LinePort {
  canTake(run: LineRun, index: number): boolean;
  take(run: LineRun, index: number, atSec: number): LineUnit;
  canPut(run: LineRun, index: number): boolean;
  put(run: LineRun, index: number, unit: LineUnit, atSec: number): void;
}
