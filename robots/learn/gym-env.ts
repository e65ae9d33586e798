import type { AgentAction, ActionMode } from './agent-actions.ts';
import type { AgentObservation } from './agent-view.ts';
import { createParallelEnv, type EnvOptions, type FleetInfo, type ParallelEnv } from './parallel-env.ts';
import { box, dict, multiDiscrete, shapeSize, type BoxSpace, type DictSpace, type Space } from './spaces.ts';

/** The whole fleet's observation: every per-robot entry stacked along a leading robot axis. */
export type FleetEnvObservation = Record<string, Uint8Array | Float32Array | Int32Array>;

/** Info of a single-agent step: the fleet counts and, for discrete actions, the stacked `[robots, n]` action mask. */
export interface EnvInfo extends FleetInfo {
  actionMask?: Uint8Array;
}

/**
 * A single-agent environment in Gymnasium's API shape, controlling the whole fleet: the action is
 * one entry per robot (`MultiDiscrete` for `moves`/`skills`, a `[robots, 2]` box for `drive`),
 * the observation stacks the per-robot views, the reward is their sum. `terminated` (an event in
 * `terminateOn`) and `truncated` (the step limit or the scenario's horizon) are kept apart.
 */
export interface Env {
  readonly observationSpace: DictSpace;
  readonly actionSpace: Space;
  readonly actionMode: ActionMode;
  readonly robots: number;
  reset(seed?: number): { observation: FleetEnvObservation; info: EnvInfo };
  step(action: ArrayLike<number>): { observation: FleetEnvObservation; reward: number; terminated: boolean; truncated: boolean; info: EnvInfo };
  hash(): string;
  /** The multi-agent form it wraps. */
  readonly parallel: ParallelEnv;
  close(): void;
}

/** Creates a Gymnasium-style single-agent environment over the whole fleet. */
export async function createEnv(options: EnvOptions): Promise<Env> {
  const parallel = await createParallelEnv(options);
  const agents = parallel.possibleAgents;
  const n = agents.length;
  const agentSpace = parallel.observationSpace(agents[0]!);
  const observationSpace = stackedSpace(agentSpace, n);
  const agentAction = parallel.actionSpace(agents[0]!);
  const actionSpace: Space = agentAction.type === 'discrete' ? multiDiscrete(new Array<number>(n).fill(agentAction.n)) : box([n, 2], -1, 1);
  const stack = (obs: Record<string, AgentObservation>): FleetEnvObservation =>
    stackViews(
      agentSpace,
      agents.map((a) => obs[a]!),
    );
  const info = (infos: ReturnType<ParallelEnv['reset']>['infos']): EnvInfo => {
    const fleet = infos[agents[0]!]!.fleet;
    const first = infos[agents[0]!]!.actionMask;
    if (!first) return { ...fleet };
    const mask = new Uint8Array(n * first.length);
    agents.forEach((a, i) => mask.set(infos[a]!.actionMask!, i * first.length));
    return { ...fleet, actionMask: mask };
  };
  return {
    observationSpace,
    actionSpace,
    actionMode: parallel.actionMode,
    robots: n,
    parallel,
    reset(seed) {
      const r = parallel.reset(seed);
      return { observation: stack(r.observations), info: info(r.infos) };
    },
    step(action) {
      const per: Record<string, AgentAction> = {};
      const drive = actionSpace.type === 'box';
      if (!action || action.length !== (drive ? 2 * n : n))
        throw new Error(
          `action must have ${drive ? `${2 * n} numbers (shape [${n}, 2])` : `${n} integers (one per robot)`}, got ${action?.length ?? String(action)}`,
        );
      agents.forEach((a, i) => (per[a] = drive ? [action[2 * i]!, action[2 * i + 1]!] : action[i]!));
      const r = parallel.step(per);
      let reward = 0;
      for (const a of agents) reward += r.rewards[a]!;
      return {
        observation: stack(r.observations),
        reward,
        terminated: r.terminations[agents[0]!]!,
        truncated: r.truncations[agents[0]!]!,
        info: info(r.infos),
      };
    },
    hash: () => parallel.hash(),
    close: () => parallel.close(),
  };
}

/** The space of `n` stacked per-robot views: boxes gain a leading axis, discrete entries become multi-discrete. */
export function stackedSpace(space: DictSpace, n: number): DictSpace {
  const out: Record<string, Space> = {};
  for (const [key, sub] of Object.entries(space.spaces)) {
    if (sub.type === 'box') out[key] = box([n, ...sub.shape], sub.low, sub.high, sub.dtype);
    else if (sub.type === 'discrete') out[key] = multiDiscrete(new Array<number>(n).fill(sub.n));
    else throw new Error(`cannot stack a ${sub.type} space`);
  }
  return dict(out);
}

function stackViews(space: DictSpace, views: AgentObservation[]): FleetEnvObservation {
  const out: FleetEnvObservation = {};
  for (const [key, sub] of Object.entries(space.spaces)) {
    if (sub.type === 'box') {
      const size = shapeSize((sub as BoxSpace).shape);
      const arr = sub.dtype === 'uint8' ? new Uint8Array(size * views.length) : new Float32Array(size * views.length);
      views.forEach((v, i) => arr.set((v as unknown as Record<string, ArrayLike<number>>)[key]!, i * size));
      out[key] = arr;
    } else {
      out[key] = Int32Array.from(views, (v) => (v as unknown as Record<string, number>)[key]!);
    }
  }
  return out;
}
