import type { ScenarioOverrides } from '../../sim/index.ts';
import type { ActionMode } from './agent-actions.ts';
import { createEnv, type Env } from './gym-env.ts';
import { createParallelEnv, type ParallelEnv } from './parallel-env.ts';
import type { RewardWeights, TerminationCause } from './rewards.ts';
import { registeredScenario, type ScenarioResolver } from './scenario-resolver.ts';

/** What `make` takes (the pipe protocol's first request). */
export interface MakeRequest {
  /** Registered scenario id or scenario file. */
  scenario: string;
  seed?: number;
  /** `single` (Gymnasium, the whole fleet as one agent) or `parallel` (PettingZoo, one agent per robot). */
  form?: 'single' | 'parallel';
  actions?: ActionMode;
  maxSteps?: number;
  robots?: number;
  minutes?: number;
  patchCells?: number;
  scanBeams?: number;
  scanRangeM?: number;
  rewards?: RewardWeights;
  terminateOn?: TerminationCause[];
}

/** Typed arrays → plain arrays, recursively (for JSON). */
export function toPlain(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  return value;
}

/**
 * One environment behind a request/response interface of plain JSON values: `make`, `reset`,
 * `step`, `spaces`, `hash`, `close`. The pipe server and the vectorised workers both use it.
 */
export class EnvSession {
  private single: Env | null = null;
  private parallel: ParallelEnv | null = null;

  /**
   * `plain`: typed arrays become plain arrays (for JSON); off for worker messages, which clone typed arrays cheaply.
   * `resolveScenario`: turns `make`'s `scenario` into a spec (the CLI's also reads scenario files).
   */
  constructor(
    private readonly plain = true,
    private readonly resolveScenario: ScenarioResolver = registeredScenario,
  ) {}

  private out(value: unknown): unknown {
    return this.plain ? toPlain(value) : value;
  }

  async handle(request: { cmd?: unknown; [key: string]: unknown }): Promise<Record<string, unknown>> {
    switch (request.cmd) {
      case 'make':
        return this.make(request as unknown as MakeRequest);
      case 'reset': {
        const seed = request.seed === undefined || request.seed === null ? undefined : Number(request.seed);
        if (this.single) {
          const r = this.single.reset(seed);
          return { observation: this.out(r.observation), info: this.out(r.info) };
        }
        const r = this.need().reset(seed);
        return { observations: this.out(r.observations), infos: this.out(r.infos), agents: [...this.need().agents] };
      }
      case 'step': {
        if (this.single) {
          const action = request.action;
          if (!Array.isArray(action)) throw new Error('step: "action" must be an array');
          const r = this.single.step(action.flat(2) as number[]);
          return { observation: this.out(r.observation), reward: r.reward, terminated: r.terminated, truncated: r.truncated, info: this.out(r.info) };
        }
        const actions = request.actions;
        if (!actions || typeof actions !== 'object') throw new Error('step: "actions" must be an object keyed by agent');
        const r = this.need().step(actions as Record<string, number>);
        return {
          observations: this.out(r.observations),
          rewards: r.rewards,
          terminations: r.terminations,
          truncations: r.truncations,
          infos: this.out(r.infos),
          agents: [...this.need().agents],
        };
      }
      case 'hash':
        return { hash: this.need().hash() };
      case 'close':
        this.close();
        return {};
      default:
        throw new Error(`unknown command ${JSON.stringify(request.cmd)}; commands: make, reset, step, hash, close`);
    }
  }

  private async make(req: MakeRequest): Promise<Record<string, unknown>> {
    if (typeof req.scenario !== 'string') throw new Error('make: "scenario" (an id or a .json file) is required');
    this.close();
    const overrides: ScenarioOverrides = {};
    if (req.robots !== undefined) overrides.robots = req.robots;
    if (req.minutes !== undefined) overrides.minutes = req.minutes;
    const options = {
      scenario: this.resolveScenario(req.scenario),
      ...(req.seed !== undefined ? { seed: req.seed } : {}),
      ...(req.actions ? { actions: req.actions } : {}),
      ...(req.maxSteps !== undefined ? { maxSteps: req.maxSteps } : {}),
      ...(req.patchCells !== undefined ? { patchCells: req.patchCells } : {}),
      ...(req.scanBeams !== undefined ? { scanBeams: req.scanBeams } : {}),
      ...(req.scanRangeM !== undefined ? { scanRangeM: req.scanRangeM } : {}),
      ...(req.rewards ? { rewards: req.rewards } : {}),
      ...(req.terminateOn ? { terminateOn: req.terminateOn } : {}),
      ...(Object.keys(overrides).length > 0 ? { overrides } : {}),
    };
    if ((req.form ?? 'single') === 'single') {
      this.single = await createEnv(options);
      this.parallel = this.single.parallel;
      return {
        form: 'single',
        observationSpace: this.single.observationSpace,
        actionSpace: this.single.actionSpace,
        robots: this.single.robots,
        actionNames: this.parallel.actionNames,
      };
    }
    this.parallel = await createParallelEnv(options);
    const a = this.parallel.possibleAgents[0]!;
    return {
      form: 'parallel',
      possibleAgents: [...this.parallel.possibleAgents],
      observationSpace: this.parallel.observationSpace(a),
      actionSpace: this.parallel.actionSpace(a),
      actionNames: this.parallel.actionNames,
    };
  }

  private need(): ParallelEnv {
    if (!this.parallel) throw new Error('no environment: send "make" first');
    return this.parallel;
  }

  close(): void {
    this.parallel?.close();
    this.single = null;
    this.parallel = null;
  }
}
