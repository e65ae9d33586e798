import type { SimModel } from '../model/sim-model.ts';
import type { SimState } from '../state/sim-state.ts';

/**
 * The commands to apply now, given those a controller issued at a control tick: each kind with a
 * command filter (command latency) gets them in registry order. Without filters, `issued` as is.
 */
export function filterCommands(model: SimModel, state: SimState, issued: readonly unknown[]): readonly unknown[] {
  let commands = issued;
  for (const kind of model.kinds.commandFilters) commands = kind.filterCommands!(commands, { model, state });
  return commands;
}
