import type { StageContext } from '../kind/stage-slots.ts';
import { dispatchCommands } from './dispatch-commands.ts';
import { dispatchContacts } from './dispatch-contacts.ts';
import { fireTimeline } from './fire-timeline.ts';
import { runWatchdog } from './watchdog.ts';

/**
 * One tick: the slots of `STAGE_SLOTS` in order, then `tick += 1`. The core runs the command
 * routing (when a controller issued commands), the physics step, the contact dispatch and the
 * scripted timeline; every other slot runs the kinds' stages registered for it, in registry order.
 */
export function stepSim(ctx: StageContext): void {
  const { state } = ctx;
  const stages = ctx.model.kinds.stages;
  if (ctx.commands.length > 0) dispatchCommands(ctx);
  for (const run of stages.command) run(ctx);
  for (const run of stages.release) run(ctx);
  for (const run of stages.motion) run(ctx);
  const clock = ctx.clock;
  if (ctx.worldAtRest) {
    // Nothing to integrate: no body can move (event speed).
  } else if (clock) {
    const t0 = clock.now();
    state.physics.step();
    clock.physicsMs += clock.now() - t0;
  } else {
    state.physics.step();
  }
  dispatchContacts(ctx);
  for (const run of stages.settle) run(ctx);
  for (const run of stages.handling) run(ctx);
  for (const run of stages.process) run(ctx);
  fireTimeline(ctx);
  for (const run of stages.scripted) run(ctx);
  for (const run of stages.monitor) run(ctx);
  for (const run of stages.sample) run(ctx);
  runWatchdog(ctx);
  state.tick += 1;
}
