import type { StageContext } from '../kind/stage-slots.ts';

/**
 * Fires the spec's scripted events due this tick, in spec order: each is logged
 * (`scripted.fired`) and handed to the kind that handles its `kind`.
 */
export function fireTimeline(ctx: StageContext): void {
  const { model, state } = ctx;
  const due = model.timeline.get(state.tick);
  if (!due) return;
  for (const entry of due) {
    state.events.push({ type: 'scripted.fired', tick: state.tick, index: entry.index, kind: entry.event.kind, owner: entry.owner });
    model.kinds.scripted.get(entry.event.kind)!.handler.fire(entry.event, ctx);
  }
}
