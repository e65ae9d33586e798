import { availableParallelism } from 'node:os';
import { DEFAULT_SEED } from '../../sim/index.ts';
import { Worker } from 'node:worker_threads';
import type { MakeRequest } from './env-session.ts';
import { registeredScenario, type ScenarioResolver } from './scenario-resolver.ts';

/** One env's result of a vectorised step (observation entries are typed arrays, flat, row-major). */
export interface VecStepResult {
  observation: Record<string, ArrayLike<number>>;
  reward: number;
  terminated: boolean;
  truncated: boolean;
  info: Record<string, unknown>;
  /** When the episode ended this step: its last observation (`observation` is then the next episode's first). */
  finalObservation?: Record<string, ArrayLike<number>>;
}

/**
 * N episodes of the single-agent env on worker threads (Gymnasium's vector env with same-step
 * autoreset): env k starts at seed `seed + 1000·k` and, when its episode ends, resets itself
 * with the next seed. Deterministic per env whatever the thread count.
 */
export interface VecEnv {
  readonly numEnvs: number;
  reset(): Promise<Array<{ observation: Record<string, ArrayLike<number>>; info: Record<string, unknown> }>>;
  step(actions: number[][]): Promise<VecStepResult[]>;
  close(): Promise<void>;
}

/**
 * Starts `numEnvs` envs over `threads` worker threads (default: one per core, at most `numEnvs`).
 * The scenario is resolved here, once (`resolveScenario`: the CLI's also reads scenario files),
 * and its spec handed to the workers.
 */
export async function createVecEnv(
  make: MakeRequest,
  numEnvs: number,
  threads = Math.min(numEnvs, availableParallelism()),
  resolveScenario: ScenarioResolver = registeredScenario,
): Promise<VecEnv> {
  const spec = resolveScenario(make.scenario);
  const per = Array.from({ length: threads }, (_, t) => Math.floor(numEnvs / threads) + (t < numEnvs % threads ? 1 : 0));
  const workers: Worker[] = [];
  let first = 0;
  const base = make.seed ?? DEFAULT_SEED;
  for (const count of per) {
    workers.push(
      new Worker(new URL('./vec-worker-entry.mjs', import.meta.url), {
        workerData: { make, spec, seeds: Array.from({ length: count }, (_, k) => base + (first + k) * 1000) },
      }),
    );
    first += count;
  }
  type Reply = { ok: boolean; error?: string; results?: unknown[] };
  const waiting = new Map<Worker, { resolve: (m: Reply) => void; reject: (e: Error) => void }>();
  for (const w of workers) {
    w.on('message', (m: Reply) => {
      const p = waiting.get(w);
      waiting.delete(w);
      if (m.ok) p?.resolve(m);
      else p?.reject(new Error(m.error));
    });
    w.on('error', (e) => {
      waiting.get(w)?.reject(e);
      waiting.delete(w);
    });
  }
  const ask = (w: Worker, msg: unknown) =>
    new Promise<Reply>((resolve, reject) => {
      waiting.set(w, { resolve, reject });
      w.postMessage(msg);
    });
  await Promise.all(workers.map((w) => ask(w, { cmd: 'init' })));
  const slices = (actions: number[][]) => {
    let k = 0;
    return per.map((n) => actions.slice(k, (k += n)));
  };
  return {
    numEnvs,
    async reset() {
      const all = await Promise.all(workers.map((w) => ask(w, { cmd: 'reset' })));
      return all.flatMap((m) => m.results!) as Array<{ observation: Record<string, ArrayLike<number>>; info: Record<string, unknown> }>;
    },
    async step(actions) {
      if (actions.length !== numEnvs) throw new Error(`expected ${numEnvs} actions (one per env), got ${actions.length}`);
      const parts = slices(actions);
      const all = await Promise.all(workers.map((w, t) => ask(w, { cmd: 'step', actions: parts[t] })));
      return all.flatMap((m) => m.results!) as VecStepResult[];
    },
    async close() {
      await Promise.all(workers.map((w) => ask(w, { cmd: 'close' }).catch(() => undefined)));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
