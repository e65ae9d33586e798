import { rngOver, type Rng } from '../../rng/rng.ts';
import { sampleSec } from '../../rng/distributions.ts';
import { MACHINE_STATES, MachineState, NEVER_SEC } from './line-columns.ts';
import type { LineRun } from './line-port.ts';
import { LINE_PORTS, roomAhead } from './line-ports.ts';
import { pushUnit } from './line-units.ts';

/**
 * What a machine does at an exact time `t` (seconds). Preempt-resume: a failure during setup or
 * work keeps the time still to do, which continues after the repair. Every repair ends with a
 * fresh time-to-failure draw (as good as new).
 */

const stream = (row: number[]): Rng => rngOver(row);

function setState(run: LineRun, m: number, to: MachineState, reason: string, t: number): void {
  const table = run.tables.machine;
  const from = table.state[m]! as MachineState;
  if (from === to) return;
  table.state[m] = to;
  table.stateSinceSec[m] = t;
  run.state.events.push({
    type: 'machine.state',
    tick: run.state.tick,
    machine: m,
    name: run.line.machines[m]!.name,
    from: MACHINE_STATES[from],
    to: MACHINE_STATES[to],
    reason,
    atSec: t,
  });
}

/** Starts a timed phase (setup or working) with the time left on it. */
function startPhase(run: LineRun, m: number, phase: typeof MachineState.Setup | typeof MachineState.Working, reason: string, t: number): void {
  const table = run.tables.machine;
  const left = phase === MachineState.Setup ? table.setupLeftSec[m]! : table.workLeftSec[m]!;
  table.phaseStartSec[m] = t;
  table.phaseEndSec[m] = t + left;
  const failure = run.line.machines[m]!.failure;
  if (phase === MachineState.Working && failure?.basis === 'operations') table.failAtSec[m] = t + table.ttfLeftSec[m]!;
  setState(run, m, phase, reason, t);
}

/** Leaves the working phase at `t`: the operations-basis failure clock stops. */
function stopWorkClock(run: LineRun, m: number, t: number): void {
  const table = run.tables.machine;
  if (run.line.machines[m]!.failure?.basis !== 'operations') return;
  table.ttfLeftSec[m] = Math.max(0, table.ttfLeftSec[m]! - (t - table.phaseStartSec[m]!));
  table.failAtSec[m] = NEVER_SEC;
}

/** A feeder of `m`'s buffer of capacity 0 that holds a finished unit (blocked after service), or −1. */
function blockedFeeder(run: LineRun, m: number): number {
  const from = run.line.machines[m]!.from;
  if (from.kind !== 'buffer' || run.line.buffers[from.index]!.capacity > 0) return -1;
  for (const k of run.line.buffers[from.index]!.feeders) if (run.tables.machine.state[k] === MachineState.Blocked && run.tables.machine.unit[k]! >= 0) return k;
  return -1;
}

/** Whether `m` has a unit to take: in its `from`, or on a blocked machine feeding it directly. */
function inputReady(run: LineRun, m: number): boolean {
  const from = run.line.machines[m]!.from;
  return LINE_PORTS[from.kind]!.canTake(run, from.index) || blockedFeeder(run, m) >= 0;
}

/**
 * Takes the next unit when there is one (setting up first when due), else waits: starved (idle
 * before its first unit). Direct transfer: a blocked machine feeding it through a buffer of
 * capacity 0 hands its unit over at this instant. Blocking before service: without a free place
 * downstream it waits, blocked, before taking the unit.
 */
function takeNext(run: LineRun, m: number, reason: string, t: number): void {
  const model = run.line.machines[m]!;
  const table = run.tables.machine;
  const from = LINE_PORTS[model.from.kind]!;
  if (!inputReady(run, m)) {
    table.phaseEndSec[m] = NEVER_SEC;
    setState(run, m, table.lastProduct[m]! < 0 ? MachineState.Idle : MachineState.Starved, 'no input', t);
    return;
  }
  if (!roomAhead(run, m)) {
    table.phaseEndSec[m] = NEVER_SEC;
    setState(run, m, MachineState.Blocked, 'no room downstream (before service)', t);
    return;
  }
  if (!from.canTake(run, model.from.index)) {
    // Direct transfer: the blocked feeder puts its finished unit into the capacity-0 buffer and takes its next.
    const k = blockedFeeder(run, m);
    pushUnit(run.tables.buffer.units[model.from.index]!, { id: table.unit[k]!, releasedSec: table.unitReleasedSec[k]!, product: table.unitProduct[k]! });
    table.unit[k] = -1;
    takeNext(run, k, 'next unit', t);
  }
  const unit = from.take(run, model.from.index, t);
  table.unit[m] = unit.id;
  table.unitReleasedSec[m] = unit.releasedSec;
  table.unitProduct[m] = unit.product;
  const setup = model.setup;
  const changed = setup?.onProductChange === true && table.lastProduct[m]! >= 0 && table.lastProduct[m] !== unit.product;
  const due = setup?.everyUnits != null && table.unitsSinceSetup[m]! >= setup.everyUnits;
  table.lastProduct[m] = unit.product;
  table.workLeftSec[m] = sampleSec(model.process, stream(table.rngProcess[m]!));
  if (setup && (changed || due)) {
    table.setupLeftSec[m] = sampleSec(setup.time, stream(table.rngSetup[m]!));
    table.unitsSinceSetup[m] = 0;
    startPhase(run, m, MachineState.Setup, changed ? 'product change' : 'setup due', t);
  } else {
    table.setupLeftSec[m] = 0;
    startPhase(run, m, MachineState.Working, reason, t);
  }
}

/** Hands the finished unit to `to` when it has room (then takes the next), else stays blocked. */
function release(run: LineRun, m: number, t: number): void {
  const model = run.line.machines[m]!;
  const table = run.tables.machine;
  const to = LINE_PORTS[model.to.kind]!;
  if (!to.canPut(run, model.to.index)) {
    table.phaseEndSec[m] = NEVER_SEC;
    setState(run, m, MachineState.Blocked, 'output full', t);
    return;
  }
  to.put(run, model.to.index, { id: table.unit[m]!, releasedSec: table.unitReleasedSec[m]!, product: table.unitProduct[m]! }, t);
  table.unit[m] = -1;
  if (model.to.kind === 'buffer' && run.line.buffers[model.to.index]!.beforeService) {
    // Blocking before service: a waiting downstream machine takes the unit first, so the place it frees counts for this machine's next unit.
    for (const k of run.line.buffers[model.to.index]!.takers) {
      const state = table.state[k];
      if ((state === MachineState.Idle || state === MachineState.Starved) && inputReady(run, k)) takeNext(run, k, 'input arrived', t);
    }
  }
  takeNext(run, m, 'next unit', t);
}

/** Seeds the machine's streams and its failure clock at the line's first tick. */
export function initMachine(run: LineRun, m: number, root: Rng): void {
  const model = run.line.machines[m]!;
  const table = run.tables.machine;
  for (const [col, purpose] of [
    ['rngProcess', 'process'],
    ['rngFailure', 'failure'],
    ['rngRepair', 'repair'],
    ['rngSetup', 'setup'],
    ['rngQuality', 'quality'],
  ] as const) {
    table[col][m] = root.fork(`machine:${model.name}:${purpose}`).save();
  }
  if (model.failure) scheduleFailure(run, m, 0);
}

function scheduleFailure(run: LineRun, m: number, t: number): void {
  const failure = run.line.machines[m]!.failure!;
  const table = run.tables.machine;
  const ttf = sampleSec(failure.timeToFailure, stream(table.rngFailure[m]!));
  if (failure.basis === 'time') table.failAtSec[m] = t + ttf;
  else {
    table.ttfLeftSec[m] = ttf;
    table.failAtSec[m] = NEVER_SEC;
  }
}

/** The time of the machine's next own event (phase end or failure), `NEVER_SEC` when none. */
export function nextMachineEventSec(run: LineRun, m: number): number {
  const table = run.tables.machine;
  return Math.min(table.phaseEndSec[m]!, table.failAtSec[m]!);
}

/** Handles the machine's due event at `t`: a phase end (first on a tie) or a failure. */
export function fireMachine(run: LineRun, m: number, t: number): void {
  const table = run.tables.machine;
  if (table.phaseEndSec[m]! > table.failAtSec[m]!) return goDown(run, m, t, null);
  const model = run.line.machines[m]!;
  switch (table.state[m] as MachineState) {
    case MachineState.Setup:
      table.setupLeftSec[m] = 0;
      startPhase(run, m, MachineState.Working, 'setup done', t);
      return;
    case MachineState.Working: {
      stopWorkClock(run, m, t);
      table.workLeftSec[m] = 0;
      table.processed[m] = table.processed[m]! + 1;
      table.unitsSinceSetup[m] = table.unitsSinceSetup[m]! + 1;
      const scrapped = model.scrapProbability > 0 && stream(table.rngQuality[m]!).next() < model.scrapProbability;
      run.state.events.push({
        type: 'unit.processed',
        tick: run.state.tick,
        machine: m,
        name: model.name,
        unit: table.unit[m]!,
        scrapped,
        idealCycleSec: model.idealCycleSec,
        atSec: t,
      });
      if (scrapped) {
        table.scrapped[m] = table.scrapped[m]! + 1;
        table.unit[m] = -1;
        takeNext(run, m, 'next unit', t);
      } else release(run, m, t);
      return;
    }
    case MachineState.Down:
      run.state.events.push({ type: 'machine.repaired', tick: run.state.tick, machine: m, name: model.name, atSec: t });
      table.phaseEndSec[m] = NEVER_SEC;
      if (model.failure) scheduleFailure(run, m, t);
      resume(run, m, t);
      return;
    default:
      table.phaseEndSec[m] = NEVER_SEC;
  }
}

/** After a repair: back to the interrupted setup or work, or try to hand over / take a unit. */
function resume(run: LineRun, m: number, t: number): void {
  const table = run.tables.machine;
  if (table.unit[m]! < 0) return takeNext(run, m, 'repaired', t);
  if (table.setupLeftSec[m]! > 0) return startPhase(run, m, MachineState.Setup, 'repaired', t);
  if (table.workLeftSec[m]! > 0) return startPhase(run, m, MachineState.Working, 'repaired', t);
  release(run, m, t);
}

/**
 * The machine goes down at `t`: for a failure of its own (`durationSec` null, repair drawn from
 * its repair distribution) or a scripted stop of `durationSec` (a machine already down stays down
 * at least that long). Setup or work under way is interrupted and resumes after the repair.
 */
export function goDown(run: LineRun, m: number, t: number, durationSec: number | null): void {
  const model = run.line.machines[m]!;
  const table = run.tables.machine;
  const state = table.state[m] as MachineState;
  if (state === MachineState.Down) {
    if (durationSec !== null) table.phaseEndSec[m] = Math.max(table.phaseEndSec[m]!, t + durationSec);
    return;
  }
  if (state === MachineState.Working) {
    table.workLeftSec[m] = Math.max(0, table.phaseEndSec[m]! - t);
    stopWorkClock(run, m, t);
  } else if (state === MachineState.Setup) table.setupLeftSec[m] = Math.max(0, table.phaseEndSec[m]! - t);
  if (durationSec === null && model.failure?.basis === 'operations') table.ttfLeftSec[m] = 0;
  const repairSec = durationSec ?? sampleSec(model.failure!.repair, stream(table.rngRepair[m]!));
  table.failAtSec[m] = NEVER_SEC;
  table.phaseStartSec[m] = t;
  table.phaseEndSec[m] = t + repairSec;
  run.state.events.push({ type: 'machine.failed', tick: run.state.tick, machine: m, name: model.name, scripted: durationSec !== null, repairSec, atSec: t });
  setState(run, m, MachineState.Down, durationSec === null ? 'failure' : 'scripted', t);
}

/** Moves a waiting machine on when it can: a blocked one hands over, an idle or starved one takes. True when it moved. */
export function advanceWaiting(run: LineRun, m: number, t: number): boolean {
  const model = run.line.machines[m]!;
  const state = run.tables.machine.state[m] as MachineState;
  if (state === MachineState.Blocked && run.tables.machine.unit[m]! >= 0) {
    if (!LINE_PORTS[model.to.kind]!.canPut(run, model.to.index)) return false;
    release(run, m, t);
    return true;
  }
  if (state === MachineState.Blocked) {
    // Blocked before service: starts when a place downstream frees and a unit is there.
    if (!roomAhead(run, m) || !inputReady(run, m)) return false;
    takeNext(run, m, 'room downstream', t);
    return true;
  }
  if (state === MachineState.Idle || state === MachineState.Starved) {
    if (!inputReady(run, m)) return false;
    takeNext(run, m, 'input arrived', t);
    return true;
  }
  return false;
}
