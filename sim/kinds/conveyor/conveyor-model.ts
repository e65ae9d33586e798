import type { HasThingTables } from '../../kind/define-kind.ts';
import type { SimModel } from '../../model/sim-model.ts';
import { defineKind } from '../../kind/define-kind.ts';
import type { ThingTable } from '../../state/columns.ts';
import { col } from '../../state/columns.ts';
import type { ConveyorPath } from './conveyor-path.ts';

/** A conveyor segment as compiled. */
export interface ConveyorModel {
  readonly id: number;
  /** Its authored id (`C1`): what events and KPIs name it by. */
  readonly name: string;
  /** Centre line in the travel direction. */
  readonly path: ConveyorPath;
  readonly widthM: number;
  readonly heightM: number;
  readonly speedMps: number;
  /** Belt travel per tick, metres. */
  readonly stepM: number;
  readonly accumulating: boolean;
  readonly gapM: number;
  readonly photoEyes: readonly number[];
  /** Conveyor this one's end feeds, or -1; and where along it (metres from its start). */
  readonly feeds: number;
  readonly feedAtM: number;
}

/**
 * The conveyor table. `items` lists the items on the belt, front (furthest along) first; the item
 * table's holder is the truth, this list their order. `eyes` holds 1 per blocked photo-eye.
 */
export const CONVEYOR_COLUMNS = {
  items: col.list(),
  eyes: col.list(),
  /** 0 while a non-accumulating belt is stopped by a blocked front item, or a scripted stop. */
  running: col.u8(1),
  /** Tick the front item got stuck at the end (it cannot leave), or -1. */
  blockedSinceTick: col.i32(-1),
  /** Tick the current front item reached the end (merge order: first come, first served), or -1. */
  frontAtEndTick: col.i32(-1),
  /** A scripted stop holds the belt until this tick, or -1. */
  stoppedUntilTick: col.i32(-1),
} as const;

export type ConveyorTable = ThingTable<typeof CONVEYOR_COLUMNS>;

/** The conveyor kind's typed handle: its id, columns and table. */
export const conveyorRows = defineKind('conveyor', CONVEYOR_COLUMNS);

export const conveyorsOf = (model: SimModel): readonly ConveyorModel[] => (model.things.conveyor ?? []) as readonly ConveyorModel[];
export const conveyorTable = (ctx: { state: HasThingTables }): ConveyorTable => conveyorRows.table(ctx.state);
