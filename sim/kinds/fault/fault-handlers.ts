import type { SimModel } from '../../model/sim-model.ts';
import { stationRows } from '../station/index.ts';
import { robotRows } from '../robot/index.ts';
import type { ScriptedHandler } from '../../kind/kind-def.ts';
import type { StageContext } from '../../kind/stage-slots.ts';
import {
  commandLatencySchema,
  observationNoiseSchema,
  robotBreakdownSchema,
  stationCloseSchema,
  type CommandLatencyEvent,
  type ObservationNoiseEvent,
  type RobotBreakdownEvent,
  type StationCloseEvent,
} from './fault-events.ts';

/** Seconds a fault lasts: its duration, or what is left of the run. */
function lastsSec(model: SimModel, atSec: number, durationSec: number | undefined): number {
  return durationSec ?? Math.max(0, model.horizonTicks / model.hz - atSec);
}

/**
 * Logs a fault that concerns no single robot (`robot: -1`; `target` names the station, node or
 * -1), placed at the node it hits (or the middle of the floor) for the page's event list.
 */
function injected(ctx: StageContext, kind: string, durationSec: number, target: number, node = -1): void {
  const { model, state } = ctx;
  const x = node >= 0 ? model.roadmap.nodeX[node]! : (model.grid.cols * model.grid.cellM) / 2;
  const z = node >= 0 ? model.roadmap.nodeZ[node]! : (model.grid.rows * model.grid.cellM) / 2;
  state.events.push({ type: 'fault.injected', tick: state.tick, robot: -1, kind, durationSec });
  state.events.push({ type: 'fault.began', tick: state.tick, fault: kind, target, durationSec, x, z });
}

/** `robot.breakdown`: the robot stops dead until repaired (cleared like a stall: `fault.cleared`). */
export const robotBreakdown: ScriptedHandler<RobotBreakdownEvent> = {
  schema: robotBreakdownSchema,
  check(event, model, issue) {
    if (event.robot >= robotRows.things(model).length) issue('robot', `robot ${event.robot} does not exist (fleet has ${robotRows.things(model).length})`);
  },
  fire(event, { model, state }) {
    breakDown(model, state, event.robot, event.durationSec, event.kind);
  },
};

/** Breaks robot `robot` down for `durationSec` (a stranded or already broken robot stays as it is). */
export function breakDown(model: SimModel, state: StageContext['state'], robot: number, durationSec: number, kind: string): void {
  const until = state.tick + Math.max(1, Math.round(durationSec * model.hz));
  if (robotRows.table(state).faultUntilTick[robot]! >= until) return;
  robotRows.table(state).faultUntilTick[robot] = until;
  state.events.push({ type: 'fault.injected', tick: state.tick, robot, kind, durationSec });
}

/** `station.close`: the station's picker stops (see `pauseClosedStations`). */
export const stationClose: ScriptedHandler<StationCloseEvent> = {
  schema: stationCloseSchema,
  check(event, model, issue) {
    if (event.station >= stationRows.things(model).length)
      issue('station', `station ${event.station} does not exist (the layout has ${stationRows.things(model).length})`);
  },
  fire(event, ctx) {
    injected(ctx, event.kind, lastsSec(ctx.model, event.atSec, event.durationSec), event.station, stationRows.things(ctx.model)[event.station]!.node);
  },
};

/** `command.latency`: commands are applied late (see `delayCommands` in sim/kinds/latency). */
export const commandLatency: ScriptedHandler<CommandLatencyEvent> = {
  schema: commandLatencySchema,
  fire(event, ctx) {
    injected(ctx, event.kind, lastsSec(ctx.model, event.atSec, event.durationSec), -1);
  },
};

/** `observation.noise`: observations get pose noise and scan dropouts (see `applyObservationNoise`). */
export const observationNoise: ScriptedHandler<ObservationNoiseEvent> = {
  schema: observationNoiseSchema,
  fire(event, ctx) {
    injected(ctx, event.kind, lastsSec(ctx.model, event.atSec, event.durationSec), -1);
  },
};

export { injected as logFaultBegan };
