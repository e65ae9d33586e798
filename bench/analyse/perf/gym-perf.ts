import { createEnv, sampleSpace } from '../../../robots/index.ts';
import { createVecEnv } from '../../../robots/learn/vec-env.ts';
import { createRootRng } from '../../../sim/index.ts';
import { resolveScenario } from '../../run/registry.ts';

/** One row of `bench gym perf`. */
export interface GymPerfRow {
  scenario: string;
  form: 'single' | 'vector';
  envs: number;
  threads: number;
  robots: number;
  steps: number;
  wallSec: number;
  /** Env steps (one control period of the whole fleet, every env counted) per wall second. */
  stepsPerSec: number;
  /** Robot-steps (agent transitions) per wall second. */
  agentStepsPerSec: number;
}

/** Steps/s of the in-process single env with a seeded random policy. */
export async function measureSingle(scenario: string, steps: number, seed = 1): Promise<GymPerfRow> {
  const env = await createEnv({ scenario: resolveScenario(scenario), seed, maxSteps: steps + 101 });
  const rng = createRootRng(seed);
  env.reset(seed);
  for (let t = 0; t < Math.min(100, steps); t++) env.step(sampleSpace(env.actionSpace, () => rng.next()) as number[]);
  const t0 = performance.now();
  for (let t = 0; t < steps; t++) env.step(sampleSpace(env.actionSpace, () => rng.next()) as number[]);
  const wallSec = (performance.now() - t0) / 1000;
  const robots = env.robots;
  env.close();
  return { scenario, form: 'single', envs: 1, threads: 1, robots, steps, wallSec, stepsPerSec: steps / wallSec, agentStepsPerSec: (steps * robots) / wallSec };
}

/** Steps/s of `envs` envs on `threads` worker threads (observations cross the thread boundary as JSON values). */
export async function measureVector(scenario: string, steps: number, envs: number, threads: number, seed = 1): Promise<GymPerfRow> {
  const vec = await createVecEnv({ scenario, seed, maxSteps: steps + 101 }, envs, threads, resolveScenario);
  const first = await vec.reset();
  const robots = first[0]!.observation.ready!.length;
  const rng = createRootRng(seed);
  const act = () => Array.from({ length: envs }, () => Array.from({ length: robots }, () => rng.int(6)));
  for (let t = 0; t < Math.min(100, steps); t++) await vec.step(act());
  const t0 = performance.now();
  for (let t = 0; t < steps; t++) {
    await vec.step(act());
  }
  const wallSec = (performance.now() - t0) / 1000;
  await vec.close();
  return {
    scenario,
    form: 'vector',
    envs,
    threads,
    robots,
    steps,
    wallSec,
    stepsPerSec: (steps * envs) / wallSec,
    agentStepsPerSec: (steps * envs * robots) / wallSec,
  };
}
