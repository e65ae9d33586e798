import { z } from 'zod';
import { robotRows } from './robot-columns.ts';
import type { ScriptedHandler } from '../../kind/kind-def.ts';
import type { StageContext } from '../../kind/stage-slots.ts';

/** `robot.stall`: a robot stops dead for a while (a bumper trip, a lost localisation). */
const robotStallSchema = z.strictObject({
  atSec: z.number().nonnegative(),
  kind: z.literal('robot.stall'),
  /** Robot index in fleet order. */
  robot: z.number().int().nonnegative(),
  durationSec: z.number().positive(),
});

/** A scripted robot stall as authored. */
export type RobotStallEvent = z.infer<typeof robotStallSchema>;

/** The robot kind's handler of `robot.stall`. */
export const robotStall: ScriptedHandler<RobotStallEvent> = {
  schema: robotStallSchema,
  check(event, model, issue) {
    if (event.robot >= robotRows.things(model).length) issue('robot', `robot ${event.robot} does not exist (fleet has ${robotRows.things(model).length})`);
  },
  fire(event, { model, state }) {
    robotRows.table(state).faultUntilTick[event.robot] = state.tick + Math.round(event.durationSec * model.hz);
    state.events.push({ type: 'fault.injected', tick: state.tick, robot: event.robot, kind: event.kind, durationSec: event.durationSec });
  },
};

/** Scripted-slot stage: stalls whose time is up end (after this tick's timeline fired). */
export function clearStalls({ state }: StageContext): void {
  const r = robotRows.table(state);
  for (let i = 0; i < r.count; i++) {
    if (r.faultUntilTick[i]! >= 0 && r.faultUntilTick[i]! <= state.tick) {
      r.faultUntilTick[i] = -1;
      state.events.push({ type: 'fault.cleared', tick: state.tick, robot: i });
    }
  }
}
