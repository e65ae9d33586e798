import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEnv, createParallelEnv, sampleSpace, whyNotIn, createRootRng } from '../../helpers/env-imports.ts';
import { findScenario } from '../../../scenarios/index.ts';

const small = findScenario('warehouse/g2p-small')!;

/** A seeded random policy over the env's action space. */
function randomActions(space: Parameters<typeof sampleSpace>[0], seed: number) {
  const rng = createRootRng(seed);
  return () => sampleSpace(space, () => rng.next()) as number[];
}

describe('createEnv (Gymnasium contract)', () => {
  it('same seed ⇒ same trajectory (rewards, observations, hash); another seed differs', async () => {
    const run = async (seed: number) => {
      const env = await createEnv({ scenario: small, seed, maxSteps: 150, overrides: { robots: 8 } });
      const act = randomActions(env.actionSpace, 99);
      let r = env.reset(seed);
      const rewards: number[] = [];
      let digest = 0;
      for (let t = 0; t < 150; t++) {
        const s = env.step(act());
        rewards.push(s.reward);
        for (const v of s.observation.goalDistM!) digest = (digest * 31 + Math.round(v * 1000)) % 1_000_000_007;
        r = s as unknown as typeof r;
        if (s.terminated || s.truncated) break;
      }
      const hash = env.hash();
      env.close();
      return { rewards, digest, hash };
    };
    const a = await run(5);
    const b = await run(5);
    const c = await run(6);
    expect(b).toEqual(a);
    expect(c.hash).not.toBe(a.hash);
  });

  it('truncates at the step limit without terminating; step after the end throws', async () => {
    const env = await createEnv({ scenario: small, seed: 1, maxSteps: 20, overrides: { robots: 4 } });
    env.reset();
    let last;
    for (let t = 0; t < 20; t++) {
      last = env.step(new Array(4).fill(0));
      if (t < 19) expect(last.truncated || last.terminated).toBe(false);
    }
    expect(last!.truncated).toBe(true);
    expect(last!.terminated).toBe(false);
    expect(last!.info.tick).toBe(20 * 3);
    expect(() => env.step(new Array(4).fill(0))).toThrow(/reset/);
    env.reset(2);
    expect(env.step(new Array(4).fill(0)).truncated).toBe(false);
    env.close();
  });

  it('terminates (not truncates) on a terminateOn event', async () => {
    // The hint-following expert of seed 3 bumps robots into each other within 300 s.
    const env = await createEnv({ scenario: small, seed: 3, terminateOn: ['collision'], maxSteps: 3000 });
    let obs = env.reset().observation;
    let s;
    for (let t = 0; t < 3000; t++) {
      const hint = obs.hint as Uint8Array;
      s = env.step(
        Array.from({ length: env.robots }, (_, i) => {
          for (let j = 0; j < 5; j++) if (hint[i * 5 + j]) return j + 1;
          return 0;
        }),
      );
      obs = s.observation;
      if (s.terminated || s.truncated) break;
    }
    expect(s!.terminated).toBe(true);
    expect(s!.truncated).toBe(false);
    expect(s!.info.terminationCauses).toEqual(['collision']);
    expect(s!.reward).toBeLessThan(0);
    env.close();
  });

  it('every observation of random runs lies in the observation space (checked, 4 seeded runs)', async () => {
    const env = await createEnv({ scenario: small, maxSteps: 400, scanBeams: 8, scanRangeM: 3, overrides: { robots: 10 } });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1000 }), async (seed) => {
        const act = randomActions(env.actionSpace, seed);
        const first = env.reset(seed);
        expect(whyNotIn(env.observationSpace, first.observation)).toBeNull();
        for (let t = 0; t < 400; t++) {
          const s = env.step(act());
          expect(whyNotIn(env.observationSpace, s.observation)).toBeNull();
          if (s.truncated || s.terminated) break;
        }
      }),
      { seed: 14, numRuns: 4 },
    );
    env.close();
  });

  it('an expert following the hint delivers orders (moves reach the stations)', async () => {
    const env = await createEnv({ scenario: small, seed: 7, maxSteps: 1800 });
    let obs = env.reset().observation;
    let delivered = 0;
    for (let t = 0; t < 1800; t++) {
      const hint = obs.hint as Uint8Array;
      const action = Array.from({ length: env.robots }, (_, i) => {
        for (let j = 0; j < 5; j++) if (hint[i * 5 + j]) return j + 1;
        return 0;
      });
      const s = env.step(action);
      delivered += s.info.ordersDelivered;
      obs = s.observation;
    }
    expect(delivered).toBeGreaterThan(3);
    expect(env.parallel.host.kpis().ordersDelivered).toBe(delivered);
    env.close();
  });
});

describe('createParallelEnv (PettingZoo parallel shape)', () => {
  it('dicts per agent; agents empty after the end; spaces per agent', async () => {
    const env = await createParallelEnv({ scenario: small, seed: 2, maxSteps: 5, overrides: { robots: 3 }, actions: 'skills' });
    expect(env.possibleAgents).toEqual(['robot_0', 'robot_1', 'robot_2']);
    expect(env.agents).toEqual([]);
    const r = env.reset(2);
    expect(Object.keys(r.observations)).toEqual(env.possibleAgents);
    expect(env.actionSpace('robot_1')).toEqual({ type: 'discrete', n: 3 });
    expect(() => env.actionSpace('robot_9')).toThrow(/unknown agent/);
    let s;
    for (let t = 0; t < 5; t++) s = env.step({ robot_0: 1, robot_1: 1, robot_2: 0 });
    expect(Object.keys(s!.rewards)).toEqual(env.possibleAgents);
    expect(s!.truncations).toEqual({ robot_0: true, robot_1: true, robot_2: true });
    expect(s!.terminations).toEqual({ robot_0: false, robot_1: false, robot_2: false });
    for (const a of env.possibleAgents) expect(whyNotIn(env.observationSpace(a), s!.observations[a])).toBeNull();
    expect(env.agents).toEqual([]);
    env.close();
  });
});
