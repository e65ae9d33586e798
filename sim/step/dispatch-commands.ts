import type { StageContext } from '../kind/stage-slots.ts';

/**
 * Routes this tick's commands to the kinds that apply them, each kind getting its commands in
 * issue order: a command `{ thing: 'conveyor', … }` goes to that kind, any other (robot commands
 * name no `thing`) to the robots. A command for a kind that is not in the scenario, or that takes
 * no commands, is rejected (`command.rejected`, robot -1).
 */
export function dispatchCommands(ctx: StageContext): void {
  const { model, state } = ctx;
  const byKind = new Map<string, unknown[]>();
  for (const command of ctx.commands) {
    const thing = command && typeof command === 'object' ? (command as { thing?: unknown }).thing : undefined;
    const kind = typeof thing === 'string' ? thing : 'robot';
    const def = model.kinds.get(kind);
    if (!def?.applyCommands) {
      const known = model.kinds.kinds
        .filter((k) => k.applyCommands)
        .map((k) => k.id)
        .join(', ');
      state.events.push({
        type: 'command.rejected',
        tick: state.tick,
        robot: -1,
        reason: `no kind "${kind}" takes commands in this scenario; kinds that do: ${known}`,
      });
      continue;
    }
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    list.push(command);
  }
  for (const def of model.kinds.kinds) {
    const list = byKind.get(def.id);
    if (list) def.applyCommands!(list, ctx);
  }
}
