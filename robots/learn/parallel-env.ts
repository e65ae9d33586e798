import {
  DEFAULT_SEED,
  observe,
  robotRows,
  SimHost,
  type FleetController,
  type FleetObservation,
  type KindRegistry,
  type RobotCommand,
  type RobotModelCatalog,
  type ScenarioOverrides,
  type ScenarioSpecInput,
  type SimEvent,
} from '../../sim/index.ts';
import { robotModels } from '../catalog.ts';
import { agentActionSpace, decodeActions, ACTION_NAMES, type ActionMode, type AgentAction } from './agent-actions.ts';
import { isReady, type AgentGoal } from './agent-goals.ts';
import { agentObservationSpace, agentViews, type AgentObservation, type ViewOptions } from './agent-view.ts';
import { createHintCache } from './hint-cache.ts';
import { DEFAULT_REWARDS, scoreStep, type RewardWeights, type TerminationCause } from './rewards.ts';
import type { DictSpace, Space } from './spaces.ts';

/** Options of {@link createParallelEnv} and `createEnv`. */
export interface EnvOptions extends ViewOptions {
  /** The scenario spec (resolve ids with `scenarios/`' `findScenario`). */
  scenario: ScenarioSpecInput;
  /** First episode's seed (default: the spec's). `reset()` without a seed uses the next one. */
  seed?: number;
  /** Fleet size and horizon overrides (`robots`, `minutes`). */
  overrides?: ScenarioOverrides;
  /** Robot models (default: the built-in catalogue). */
  catalog?: RobotModelCatalog;
  kinds?: KindRegistry;
  /** Action space per agent (default `moves`). */
  actions?: ActionMode;
  /** Steps (control periods) before truncation; default: the scenario's horizon. */
  maxSteps?: number;
  rewards?: RewardWeights;
  /** Events that end the episode (`terminated`); default none (the episode only truncates). */
  terminateOn?: readonly TerminationCause[];
}

/** Per-agent info of a step. */
export interface AgentInfo {
  /** For discrete actions: 1 where the action can be carried out now (hold is always allowed). */
  actionMask?: Uint8Array;
  /** Goal node of the robot's task (-1 none). */
  goalNode: number;
}

/** Fleet-wide info of a step (the same object in every agent's info under `fleet`). */
export interface FleetInfo {
  tick: number;
  step: number;
  seed: number;
  tasksCompleted: number;
  ordersDelivered: number;
  collisions: number;
  deadlocks: number;
  invalidActions: number;
  /** What ended the episode early, when it did. */
  terminationCauses: TerminationCause[];
}

export interface ParallelResetResult {
  observations: Record<string, AgentObservation>;
  infos: Record<string, AgentInfo & { fleet: FleetInfo }>;
}

export interface ParallelStepResult {
  observations: Record<string, AgentObservation>;
  rewards: Record<string, number>;
  terminations: Record<string, boolean>;
  truncations: Record<string, boolean>;
  infos: Record<string, AgentInfo & { fleet: FleetInfo }>;
}

/**
 * A multi-agent environment in PettingZoo's parallel API shape: one agent per robot
 * (`robot_0` …), dicts of observations, actions, rewards, terminations and truncations per agent.
 * Deterministic: same options and seed ⇒ same trajectory. Tasks are assigned automatically
 * (nearest idle robot); agents move the robots and lift or drop their loads.
 */
export interface ParallelEnv {
  readonly possibleAgents: readonly string[];
  /** Agents alive now (all robots during an episode, none once it ended). */
  readonly agents: readonly string[];
  readonly actionMode: ActionMode;
  /** Action names of a discrete action mode. */
  readonly actionNames: readonly string[] | null;
  observationSpace(agent: string): DictSpace;
  actionSpace(agent: string): Space;
  reset(seed?: number): ParallelResetResult;
  step(actions: Readonly<Record<string, AgentAction>>): ParallelStepResult;
  /** State hash of the simulation (determinism checks). */
  hash(): string;
  /** The underlying host (read its KPIs, snapshot it). */
  readonly host: SimHost;
  close(): void;
}

/** Creates a parallel multi-agent environment (initialises physics once per thread). */
export async function createParallelEnv(options: EnvOptions): Promise<ParallelEnv> {
  const catalog = options.catalog ?? robotModels;
  const host = await SimHost.create(catalog);
  const mode = options.actions ?? 'moves';
  const weights = { ...DEFAULT_REWARDS, ...options.rewards };
  const terminateOn = new Set(options.terminateOn ?? []);
  const scan = (options.scanBeams ?? 0) > 0 ? { beams: options.scanBeams!, rangeM: options.scanRangeM ?? 4 } : undefined;
  let pending: readonly AgentAction[] = [];
  let goals: readonly AgentGoal[] = [];
  let invalid: Uint8Array = new Uint8Array(0);
  let lastDecisionTick = -1;
  const puppet: FleetController = {
    name: 'env',
    ...(scan ? { scan } : {}),
    decide(observation: FleetObservation): readonly RobotCommand[] {
      if (observation.tick === lastDecisionTick) return [];
      lastDecisionTick = observation.tick;
      const decoded = decodeActions(observation, goals, pending, mode);
      invalid = decoded.invalid;
      return decoded.commands;
    },
  };
  const load = (seed: number) =>
    host.load({
      spec: options.scenario,
      controller: puppet,
      seed,
      ...(options.overrides ? { overrides: options.overrides } : {}),
      ...(options.kinds ? { kinds: options.kinds } : {}),
    });
  load(options.seed ?? (options.scenario as { seed?: number }).seed ?? DEFAULT_SEED);
  const model = host.model;
  const robots = robotRows.things(model).length;
  const possibleAgents = Object.freeze(Array.from({ length: robots }, (_, i) => `robot_${i}`));
  const bounds = {
    cols: model.grid.cols,
    rows: model.grid.rows,
    cellM: model.grid.cellM,
    maxSpeedMps: Math.max(...robotRows.things(model).map((r) => r.model.maxSpeedMps)),
    maxBatteryWh: Math.max(...robotRows.things(model).map((r) => r.model.battery.capacityWh)),
  };
  const obsSpace = agentObservationSpace(options, bounds);
  const actSpace = agentActionSpace(mode);
  const maxSteps = options.maxSteps ?? Math.ceil(model.horizonTicks / model.controlEvery);
  let seed = host.state.seed;
  let nextSeed = seed + 1;
  let stepCount = 0;
  let alive: readonly string[] = [];
  let last: FleetObservation | null = null;
  const hints = createHintCache();

  const indexOf = (agent: string): number => {
    const i = possibleAgents.indexOf(agent);
    if (i < 0) throw new Error(`unknown agent "${agent}"; agents are robot_0 … robot_${robots - 1}`);
    return i;
  };
  const views = (): Record<string, AgentObservation> => {
    last = observe(host.model, host.state, scan);
    const out = agentViews(last, options, hints);
    goals = out.goals;
    return Object.fromEntries(out.views.map((v, i) => [possibleAgents[i]!, v]));
  };
  const infos = (fleet: FleetInfo): Record<string, AgentInfo & { fleet: FleetInfo }> =>
    Object.fromEntries(possibleAgents.map((a, i) => [a, { goalNode: goals[i]!.node, ...(mode !== 'drive' ? { actionMask: actionMask(i) } : {}), fleet }]));
  const actionMask = (i: number): Uint8Array => {
    const robot = last!.robots[i]!;
    const goal = goals[i]!;
    const canInteract = goal.act !== null && robot.atNode ? 1 : 0;
    if (mode === 'skills') return Uint8Array.of(1, goal.node >= 0 && goal.node !== robot.node ? 1 : 0, canInteract);
    const ready = isReady(robot);
    const moves = lastMoves[i]!;
    return Uint8Array.of(1, ready ? moves[0]! : 0, ready ? moves[1]! : 0, ready ? moves[2]! : 0, ready ? moves[3]! : 0, canInteract);
  };
  let lastMoves: Uint8Array[] = [];
  const fleetInfo = (counts: Omit<FleetInfo, 'tick' | 'step' | 'seed' | 'terminationCauses'>, causes: TerminationCause[]): FleetInfo => ({
    tick: host.tick,
    step: stepCount,
    seed,
    ...counts,
    terminationCauses: causes,
  });

  return {
    possibleAgents,
    get agents() {
      return alive;
    },
    actionMode: mode,
    actionNames: mode === 'drive' ? null : ACTION_NAMES[mode],
    observationSpace(agent) {
      indexOf(agent);
      return obsSpace;
    },
    actionSpace(agent) {
      indexOf(agent);
      return actSpace;
    },
    host,
    reset(resetSeed?: number) {
      seed = resetSeed ?? nextSeed;
      if (!Number.isInteger(seed) || seed < 0) throw new Error(`seed must be a non-negative integer, got ${String(resetSeed)}`);
      nextSeed = seed + 1;
      load(seed);
      lastDecisionTick = -1;
      stepCount = 0;
      alive = possibleAgents;
      const observations = views();
      lastMoves = possibleAgents.map((a) => observations[a]!.moves);
      return { observations, infos: infos(fleetInfo({ tasksCompleted: 0, ordersDelivered: 0, collisions: 0, deadlocks: 0, invalidActions: 0 }, [])) };
    },
    step(actions) {
      if (alive.length === 0) throw new Error('the episode has ended (or reset() was never called): call reset() first');
      pending = possibleAgents.map((a) => actions[a] ?? 0);
      const t0 = host.tick;
      const result = host.advance(model.controlEvery);
      stepCount += 1;
      const carriers = new Map<number, number>();
      for (const l of last!.loads) if (l.carriedBy !== null) carriers.set(l.id, l.carriedBy);
      const outcome = scoreStep(result.events as SimEvent[], robots, weights, invalid, (load) => carriers.get(load) ?? -1);
      invalid = new Uint8Array(robots);
      const causes = outcome.causes.filter((c) => terminateOn.has(c));
      const terminated = causes.length > 0;
      const truncated = !terminated && (result.done || stepCount >= maxSteps || host.tick === t0);
      const observations = views();
      lastMoves = possibleAgents.map((a) => observations[a]!.moves);
      const fleet = fleetInfo(outcome.counts, causes);
      if (terminated || truncated) alive = [];
      return {
        observations,
        rewards: Object.fromEntries(possibleAgents.map((a, i) => [a, outcome.rewards[i]!])),
        terminations: Object.fromEntries(possibleAgents.map((a) => [a, terminated])),
        truncations: Object.fromEntries(possibleAgents.map((a) => [a, truncated])),
        infos: infos(fleet),
      };
    },
    hash: () => host.hash(),
    close: () => host.dispose(),
  };
}
