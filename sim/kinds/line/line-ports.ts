import type { LinePort } from './line-port.ts';
import { putUnit, standHasPart, standHasRoom, takePart } from '../lineside/index.ts';
import { conveyorIndex, conveyorPoint, itemAtEnd, putOn, roomAt, takeFromEnd } from '../conveyor/index.ts';
import { itemTypesOf } from '../item/index.ts';
import { consumeItem, itemTypeIndex, spawnItem } from '../item/index.ts';
import type { LineRun } from './line-port.ts';
import { pushUnit, shiftUnit, unitCount } from './line-units.ts';
import { MachineState } from './line-columns.ts';

const nothingToTake = (): never => {
  throw new Error('line port: nothing to take here');
};
const noRoom = (): never => {
  throw new Error('line port: no room here');
};

/**
 * A source: units released by arrivals wait in its queue; an unlimited source (no interarrival)
 * makes a unit whenever one is taken; a source fed by a line-side stand makes one whenever the
 * stand has a part (taking it). Units already queued (a rush order's kitted units) go first. Unit ids are `n · sources + source index`.
 */
const sourcePort: LinePort = {
  canTake(run, i) {
    const source = run.line.sources[i]!;
    if (run.tables.source.queue[i]!.length > 0) return true;
    if (source.stand >= 0) return standHasPart(run.state, source.stand);
    if (source.conveyor !== null) return itemAtEnd(run.ctx, conveyorIndex(run.ctx, source.conveyor)) >= 0;
    return source.interarrival === null && source.conwipCards === 0;
  },
  take(run, i, atSec) {
    const source = run.line.sources[i]!;
    const queue = run.tables.source.queue[i]!;
    if (queue.length > 0) return shiftUnit(queue);
    if (source.stand >= 0) return takePart(run, source.stand) ? releaseUnit(run, i, atSec) : nothingToTake();
    if (source.conveyor !== null) {
      // The machine takes the item off the belt's end: it becomes the unit it works on.
      const item = takeFromEnd(run.ctx, conveyorIndex(run.ctx, source.conveyor));
      if (item < 0) return nothingToTake();
      consumeItem(run.ctx, item);
      return releaseUnit(run, i, atSec);
    }
    if (source.interarrival !== null || source.conwipCards > 0) return nothingToTake();
    return releaseUnit(run, i, atSec);
  },
  canPut: () => false,
  put: noRoom,
};

/** Releases one new unit at source `i` (an arrival, a burst, or a take from an unlimited source). */
export function releaseUnit(run: Parameters<LinePort['take']>[0], i: number, atSec: number) {
  const table = run.tables.source;
  const unit = { id: table.released[i]! * run.line.sources.length + i, releasedSec: atSec, product: run.line.sources[i]!.product };
  table.released[i] = table.released[i]! + 1;
  run.state.events.push({ type: 'unit.released', tick: run.state.tick, source: i, unit: unit.id, product: unit.product, atSec });
  return unit;
}

/**
 * Machines taking from buffer `i` that wait for a unit now (idle or starved) and could start it
 * (blocking before service: a place free ahead of them): where a buffer of capacity 0 can hand units.
 */
function waitingTakers(run: LineRun, i: number, depth = 0): number {
  let n = 0;
  for (const m of run.line.buffers[i]!.takers) {
    const state = run.tables.machine.state[m];
    if ((state === MachineState.Idle || state === MachineState.Starved) && roomAhead(run, m, depth + 1)) n++;
  }
  return n;
}

/** Units buffer `i` may hold now: its capacity, or for capacity 0 (direct transfer) one per waiting downstream machine. */
function bufferLimit(run: LineRun, i: number, depth = 0): number {
  const capacity = run.line.buffers[i]!.capacity;
  return capacity > 0 ? capacity : waitingTakers(run, i, depth);
}

/**
 * Blocking before service: whether machine `m` may start a unit, i.e. its `to` (a buffer blocking
 * before service) has a place free counting the places reserved by its other feeders that hold a
 * unit. Always true for a buffer blocking after service or a sink. (`depth` stops a ring of
 * capacity-0 buffers blocking before service from recursing forever: such a ring never starts.)
 */
export function roomAhead(run: LineRun, m: number, depth = 0): boolean {
  const to = run.line.machines[m]!.to;
  if (to.kind !== 'buffer' || !run.line.buffers[to.index]!.beforeService) return true;
  if (depth > run.line.machines.length) return false;
  let held = unitCount(run.tables.buffer.units[to.index]!);
  for (const k of run.line.buffers[to.index]!.feeders) if (k !== m && run.tables.machine.unit[k]! >= 0) held++;
  return held < bufferLimit(run, to.index, depth);
}

/** A logical buffer: FIFO with a capacity (0: direct transfer); the first implementation of the port's both sides. */
const bufferPort: LinePort = {
  canTake: (run, i) => run.tables.buffer.units[i]!.length > 0,
  take: (run, i) => (run.tables.buffer.units[i]!.length > 0 ? shiftUnit(run.tables.buffer.units[i]!) : nothingToTake()),
  canPut: (run, i) => unitCount(run.tables.buffer.units[i]!) < bufferLimit(run, i),
  put(run, i, unit) {
    if (unitCount(run.tables.buffer.units[i]!) >= bufferLimit(run, i)) noRoom();
    pushUnit(run.tables.buffer.units[i]!, unit);
  },
};

/** A sink: takes every unit (while its outbound stand, if any, has room), counts it and reports its cycle time (release → sink). */
const sinkPort: LinePort = {
  canTake: () => false,
  take: nothingToTake,
  canPut(run, i) {
    const sink = run.line.sinks[i]!;
    if (sink.conveyor !== null) return roomForItem(run, sink.conveyor, sink.itemType!);
    return sink.stand < 0 || standHasRoom(run.state, sink.stand, sink.standCapacity);
  },
  put(run, i, unit, atSec) {
    const sink = run.line.sinks[i]!;
    if (sink.stand >= 0 && !putUnit(run, sink.stand, sink.standCapacity)) noRoom();
    if (sink.conveyor !== null && !putItemOnStart(run, sink.conveyor, sink.itemType!)) noRoom();
    const table = run.tables.sink;
    table.received[i] = table.received[i]! + 1;
    table.lastCycleSec[i] = atSec - unit.releasedSec;
    run.state.events.push({
      type: 'unit.completed',
      tick: run.state.tick,
      sink: i,
      unit: unit.id,
      product: unit.product,
      cycleSec: atSec - unit.releasedSec,
      atSec,
    });
  },
};

/** Whether a finished unit, as an item of `itemType`, fits at the start of conveyor `name`. */
function roomForItem(run: LineRun, name: string, itemType: string): boolean {
  const c = conveyorIndex(run.ctx, name);
  const t = itemTypeIndex(run.ctx, itemType);
  if (c < 0 || t < 0) return false;
  const lengthM = itemTypesOf(run.ctx.model)[t]!.sizeM.x;
  return roomAt(run.ctx, c, lengthM / 2, lengthM);
}

/** Spawns the unit as an item of `itemType` and puts it on the start of conveyor `name`. */
function putItemOnStart(run: LineRun, name: string, itemType: string): boolean {
  const c = conveyorIndex(run.ctx, name);
  const t = itemTypeIndex(run.ctx, itemType);
  const lengthM = itemTypesOf(run.ctx.model)[t]!.sizeM.x;
  const at = conveyorPoint(run.ctx, c, lengthM / 2);
  const item = spawnItem(run.ctx, t, { x: at.x, y: at.y + itemTypesOf(run.ctx.model)[t]!.sizeM.y / 2, z: at.z });
  return item >= 0 && putOn(run.ctx, c, item, lengthM / 2);
}

/** Ports by kind id: what a machine's `from`/`to` may be. A conveyor or arm kind adds its own here. */
export const LINE_PORTS: Readonly<Record<string, LinePort>> = Object.freeze({ source: sourcePort, buffer: bufferPort, sink: sinkPort });
