import { CellKind } from '../../model/layout-grid.ts';
import type { RobotModel } from './robot-columns.ts';
import { observeRobots } from './robot-views.ts';
import { RobotNodeCache } from './robot-node-cache.ts';
import { checkRobotPoses } from './check-robot-poses.ts';
import { holdRobots } from './hold-robots.ts';
import { robotRows } from './robot-columns.ts';
import type { KindDef } from '../../kind/kind-def.ts';
import { applyCommands } from './apply-commands.ts';
import { detectDeadlocks } from './detect-deadlocks.ts';
import { driveRobots } from './drive-robots.ts';
import { fleetSpecSchema, type FleetEntrySpec } from './fleet-spec.ts';
import { resolveHandling } from './resolve-handling.ts';
import { buildRobots, ROBOT_LAYERS } from './robot-bodies.ts';
import { ROBOT_COLUMNS } from './robot-columns.ts';
import { compileRobots, robotModelOf } from './robot-compile.ts';
import { robotContact } from './robot-contacts.ts';
import { robotFrame } from './robot-frame.ts';
import { clearStalls, robotStall } from './robot-stall.ts';
import { createRobotScratch, type RobotScratch } from './robot-scratch.ts';
import { sampleFleet, nextFleetBusyTick } from './sample-fleet.ts';

/**
 * Mobile robots (shelf lifters, tote carriers): spec section `fleet`, spawn points `S` and
 * chargers `C`, kinematic chassis driven by the onboard motion model with a safety field, lifts
 * and drops, scripted stalls, physical deadlock detection and fleet totals.
 */
export const robotKind: KindDef<FleetEntrySpec[], RobotModel, typeof ROBOT_COLUMNS> = {
  id: 'robot',
  spec: {
    key: 'fleet',
    schema: fleetSpecSchema,
    required: false,
    description: 'Robots by model: how many and where they spawn (required unless the scenario has a production `line`).',
  },
  legend: {
    S: { cell: CellKind.Spawn, meaning: 'spawn point (floor)' },
    C: { cell: CellKind.Charger, meaning: 'charger' },
  },
  columns: ROBOT_COLUMNS,
  checkPoses: checkRobotPoses,
  fleetView: {
    createCache: () => new RobotNodeCache(),
    write({ model, state, scan }, nodes: RobotNodeCache | null, out) {
      out.robots = observeRobots(model, state, scan, nodes ?? undefined);
      out.chargerNodes = robotRows.fields(model).chargerNodes;
    },
  },
  holdSafely: holdRobots,
  floorPosition: (state, id) => {
    const r = robotRows.table(state);
    return [r.posX[id]!, r.posZ[id]!];
  },
  compile: compileRobots,
  checkSection: (fleet, ctx) => fleet.forEach((entry, f) => robotModelOf(entry.model, f, ctx.catalog, ctx.issue)),
  init(table, model) {
    const robots = table;
    for (const robot of robotRows.things(model)) {
      robots.posX[robot.id] = model.roadmap.nodeX[robot.spawnNode]!;
      robots.posZ[robot.id] = model.roadmap.nodeZ[robot.spawnNode]!;
      // A `batteries` section may set each robot's start charge (see battery-kind.ts).
      robots.batteryWh[robot.id] = (model as { batteryStartWh?: readonly number[] }).batteryStartWh?.[robot.id] ?? robot.model.battery.capacityWh;
    }
  },
  layers: ROBOT_LAYERS,
  buildOrder: 20,
  build: buildRobots,
  applyCommands: (commands, { model, state }) => applyCommands(model, state, commands),
  createScratch: createRobotScratch,
  stages: [
    { slot: 'motion', run: (ctx) => driveRobots(ctx.model, ctx.state, ctx.scratch<RobotScratch>('robot')) },
    { slot: 'handling', run: ({ model, state }) => resolveHandling(model, state) },
    { slot: 'scripted', run: clearStalls },
    { slot: 'monitor', run: ({ model, state }) => detectDeadlocks(model, state) },
    { slot: 'sample', run: ({ model, state }) => sampleFleet(model, state) },
  ],
  nextBusyTick: ({ model, state }) => nextFleetBusyTick(model, state),
  scripted: { 'robot.stall': robotStall },
  onContact: robotContact,
  frame: robotFrame,
};
