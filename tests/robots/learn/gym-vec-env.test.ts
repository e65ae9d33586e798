import { describe, expect, it } from 'vitest';
import { createVecEnv } from '../../../robots/learn/vec-env.ts';
import { EnvSession } from '../../../robots/learn/env-session.ts';

describe('vectorised env (worker threads)', () => {
  it('env k runs exactly the single env with seed base + 1000·k, whatever the thread count; ended episodes reset themselves', async () => {
    const make = { scenario: 'warehouse/g2p-small', seed: 3, robots: 4, maxSteps: 12 };
    const actions = (t: number) => [0, 1].map((k) => Array.from({ length: 4 }, (_, i) => (t + i + k) % 6));
    const runVec = async (threads: number) => {
      const vec = await createVecEnv(make, 2, threads);
      await vec.reset();
      const rewards: number[][] = [];
      let ended = 0;
      for (let t = 0; t < 15; t++) {
        const r = await vec.step(actions(t));
        rewards.push(r.map((x) => x.reward));
        if (r[0]!.truncated) {
          ended += 1;
          expect(r[0]!.finalObservation).toBeDefined();
        }
      }
      await vec.close();
      return { rewards, ended };
    };
    const one = await runVec(1);
    const two = await runVec(2);
    expect(two).toEqual(one);
    expect(one.ended).toBe(1);
    // Env 1 alone, in this thread, with seed 3 + 1000.
    const session = new EnvSession(false);
    await session.handle({ ...make, cmd: 'make', seed: 1003 });
    await session.handle({ cmd: 'reset', seed: 1003 });
    const alone: number[] = [];
    for (let t = 0; t < 12; t++) alone.push((await session.handle({ cmd: 'step', action: actions(t)[1] })).reward as number);
    session.close();
    expect(one.rewards.slice(0, 12).map((r) => r[1])).toEqual(alone);
  });
});
