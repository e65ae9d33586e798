import { describe, expect, it } from 'vitest';
import { agentViews, createEnv } from '../../../robots/index.ts';
import { createHintCache } from '../../../robots/learn/hint-cache.ts';
import { findScenario } from '../../../scenarios/index.ts';
import { createRootRng, observe } from '../../../sim/index.ts';

describe('hint memo', () => {
  it('gives exactly the views computed without it, step after step (random moves, 300 steps)', async () => {
    const env = await createEnv({ scenario: findScenario('warehouse/g2p-small')!, seed: 4, maxSteps: 300 });
    env.reset(4);
    const cache = createHintCache();
    const rng = createRootRng(4);
    let compared = 0;
    for (let t = 0; t < 300; t++) {
      const host = env.parallel.host;
      const observation = observe(host.model, host.state);
      expect(agentViews(observation, {}, cache)).toEqual(agentViews(observation, {}));
      compared += 1;
      env.step(Array.from({ length: env.robots }, () => rng.int(6)));
    }
    expect(compared).toBe(300);
    env.close();
  });
});
