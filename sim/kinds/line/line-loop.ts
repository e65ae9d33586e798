import { sampleSec } from '../../rng/distributions.ts';
import { createRootRng, rngOver } from '../../rng/rng.ts';
import type { StageContext } from '../../kind/stage-slots.ts';
import { lineTables, NEVER_SEC } from './line-columns.ts';
import { EMPTY_LINE, type LineModel } from './line-model.ts';
import { lineRun, type LineRun } from './line-port.ts';
import { releaseUnit } from './line-ports.ts';
import { pushUnit, unitCount, UNIT_STRIDE } from './line-units.ts';
import { advanceWaiting, fireMachine, initMachine, nextMachineEventSec } from './machine-logic.ts';

/** The compiled line of a model (empty for a scenario without a `line` section). */
export function lineOf(model: { readonly line?: LineModel }): LineModel {
  return model.line ?? EMPTY_LINE;
}

/**
 * The line's event loop, once per tick (process slot). Tick `n` covers the time
 * [n/hz, (n+1)/hz): every event due in it — source arrivals, machine phase ends and failures — is
 * handled at its exact f64 time, in time order; ties go to sources before machines, lower index
 * first, and within a machine a phase end before a failure. After each event the waiting machines
 * move on at that same instant (blocked ones hand over, starved ones take), repeatedly in index
 * order until none can. So the simulated process is the continuous-time discrete-event model
 * whatever `hz` is; only what is observed (frames, observations) is sampled at ticks.
 */
export function runLine(ctx: StageContext): void {
  const line = lineOf(ctx.model as { line?: LineModel });
  if (line.machines.length === 0) return;
  const run = lineRun(line, ctx);
  const hz = ctx.model.hz;
  const tStart = ctx.state.tick / hz;
  const tEnd = (ctx.state.tick + 1) / hz;
  if (run.tables.machine.rngProcess[0]!.length === 0) initLine(run, tStart);
  settle(run, tStart);
  const sources = run.tables.source;
  for (let guard = 0; guard < 10_000_000; guard++) {
    let best = NEVER_SEC;
    let who = -1;
    for (let s = 0; s < line.sources.length; s++) {
      if (sources.nextArrivalSec[s]! < best) {
        best = sources.nextArrivalSec[s]!;
        who = s;
      }
    }
    for (let m = 0; m < line.machines.length; m++) {
      const t = nextMachineEventSec(run, m);
      if (t < best) {
        best = t;
        who = line.sources.length + m;
      }
    }
    if (who < 0 || !(best < tEnd)) return;
    if (who < line.sources.length) arrive(run, who, best);
    else fireMachine(run, who - line.sources.length, best);
    settle(run, best);
  }
}

/** The tick whose line time [n/hz, (n+1)/hz) holds `t`: the tick whose event loop handles an event at `t`. */
function tickOfSec(t: number, hz: number): number {
  let n = Math.max(0, Math.floor(t * hz));
  while (n > 0 && t < n / hz) n--;
  while (!(t < (n + 1) / hz)) n++;
  return n;
}

/**
 * Event speed (`KindDef.nextBusyTick`): the tick of the line's next event (arrival, phase end,
 * failure). Every tick while the line is not started yet or takes from or puts into another kind
 * (a line-side stand or conveyor changes outside the line's events); never without machines.
 */
export function nextLineBusyTick(ctx: StageContext): number {
  const line = lineOf(ctx.model as { line?: LineModel });
  if (line.machines.length === 0) return Number.MAX_SAFE_INTEGER;
  const tables = lineTables(ctx.state.things);
  if (tables.machine.rngProcess[0]!.length === 0 || touchesOtherKinds(line)) return ctx.state.tick;
  let next = NEVER_SEC;
  const arrivals = tables.source.nextArrivalSec;
  for (let s = 0; s < line.sources.length; s++) if (arrivals[s]! < next) next = arrivals[s]!;
  const { phaseEndSec, failAtSec } = tables.machine;
  for (let m = 0; m < line.machines.length; m++) next = Math.min(next, phaseEndSec[m]!, failAtSec[m]!);
  return next >= NEVER_SEC ? Number.MAX_SAFE_INTEGER : Math.max(ctx.state.tick, tickOfSec(next, ctx.model.hz));
}

const touching = new WeakMap<LineModel, boolean>();
/** Whether the line takes from or puts into another kind (a line-side stand or a conveyor): those change outside the line's events. */
function touchesOtherKinds(line: LineModel): boolean {
  let hit = touching.get(line);
  if (hit === undefined) {
    hit = line.sources.some((s) => s.stand >= 0 || s.conveyor !== null) || line.sinks.some((s) => s.stand >= 0 || s.conveyor !== null);
    touching.set(line, hit);
  }
  return hit;
}

/** Seeds every stream (`source:<name>:arrival`, `machine:<name>:<purpose>`) and schedules the first arrivals. */
function initLine(run: LineRun, t: number): void {
  const root = createRootRng(run.state.seed);
  run.line.sources.forEach((s, i) => {
    run.tables.source.rngArrival[i] = root.fork(`source:${s.name}:arrival`).save();
    if (s.interarrival) run.tables.source.nextArrivalSec[i] = t + sampleSec(s.interarrival, rngOver(run.tables.source.rngArrival[i]!));
  });
  for (let m = 0; m < run.line.machines.length; m++) initMachine(run, m, root);
  run.state.events.push({
    type: 'line.started',
    tick: run.state.tick,
    atSec: t,
    machines: run.line.machines.map((m) => m.name),
    idealCycleSec: run.line.machines.map((m) => m.idealCycleSec),
    ...(run.line.warmupSec > 0 ? { warmupSec: run.line.warmupSec } : {}),
  });
}

/** A unit arrives at source `s`: it waits in the source's queue; the next arrival is drawn. */
function arrive(run: LineRun, s: number, t: number): void {
  const source = run.line.sources[s]!;
  const table = run.tables.source;
  pushUnit(table.queue[s]!, releaseUnit(run, s, t));
  table.nextArrivalSec[s] = t + sampleSec(source.interarrival!, rngOver(table.rngArrival[s]!));
}

/** Lets waiting machines move on at `t` until none can (each move can free room or supply for another). */
export function settle(run: LineRun, t: number): void {
  for (let pass = 0; pass < 100_000; pass++) {
    if (run.line.conwip) releaseByCards(run, t);
    let moved = false;
    for (let m = 0; m < run.line.machines.length; m++) if (advanceWaiting(run, m, t)) moved = true;
    if (!moved) return;
  }
}

/** Units of source `s` in the line now: in its queue, in buffers and held by machines (unit ids are `n · sources + s`). */
function unitsInLine(run: LineRun, s: number): number {
  const S = run.line.sources.length;
  const own = (id: number) => (id % S === s ? 1 : 0);
  const queue = run.tables.source.queue[s]!;
  let n = unitCount(queue);
  for (const units of run.tables.buffer.units) for (let k = 0; k < units.length; k += UNIT_STRIDE) n += own(units[k]!);
  const held = run.tables.machine.unit;
  for (let m = 0; m < run.line.machines.length; m++) if (held[m]! >= 0) n += own(held[m]!);
  return n;
}

/** CONWIP: each source with cards releases units into its queue until `cards` of its units are in the line. */
function releaseByCards(run: LineRun, t: number): void {
  run.line.sources.forEach((source, s) => {
    if (source.conwipCards === 0) return;
    for (let n = unitsInLine(run, s); n < source.conwipCards; n++) pushUnit(run.tables.source.queue[s]!, releaseUnit(run, s, t));
  });
}

/** Adds `units` units to source `s` at `t` (a rush order): they wait in its queue like arrivals. */
export function burstSource(run: LineRun, s: number, units: number, t: number): void {
  for (let k = 0; k < units; k++) pushUnit(run.tables.source.queue[s]!, releaseUnit(run, s, t));
  run.state.events.push({ type: 'source.burst', tick: run.state.tick, source: s, units, atSec: t });
}
