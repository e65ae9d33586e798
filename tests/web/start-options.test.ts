import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startOptions } from '../../web/ui/start-options.ts';

describe('page address parameters', () => {
  it('bad numbers and speeds are named and ignored', () => {
    const o = startOptions(new URLSearchParams('?robots=-3&seed=1e3&speed=fast&controller=greedy'));
    expect(o.problems).toEqual([
      'speed=fast: expected one of 1, 2, 4, 8, 16, max; ignored',
      'robots=-3: expected a whole number from 1 to 5000; ignored',
      'seed=1e3: expected a whole number from 0 to 2147483647; ignored',
    ]);
    expect(o).toMatchObject({ seed: null, speed: 1, overrides: undefined, controller: 'greedy' });
    expect(startOptions(new URLSearchParams('?robots=12&seed=0&speed=max'))).toMatchObject({ problems: [], seed: 0, speed: 'max', overrides: { robots: 12 } });
  });

  it('?vda5050= takes an MQTT-over-WebSocket URL (and &live= a topic root); anything else is named and ignored', () => {
    expect(startOptions(new URLSearchParams('?vda5050=ws%3A%2F%2F127.0.0.1%3A9001&live=testfield%2Flive%2FAcme'))).toMatchObject({
      problems: [],
      vda5050: 'ws://127.0.0.1:9001',
      liveTopic: 'testfield/live/Acme',
    });
    const o = startOptions(new URLSearchParams('?vda5050=mqtt://127.0.0.1:1883'));
    expect(o.vda5050).toBeNull();
    expect(o.problems).toEqual(['vda5050=mqtt://127.0.0.1:1883: expected an MQTT-over-WebSocket URL such as ws://127.0.0.1:9001; ignored']);
  });

  it('fuzz (seed 20261202, 1000 addresses): never throws; every value is valid or named', () => {
    const value = fc.oneof(fc.string(), fc.integer().map(String), fc.double().map(String));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('robots', 'seed', 'speed', 'paused', 'scenario', 'controller', 'x'), value), (params) => {
        const o = startOptions(new URLSearchParams(params));
        if (o.seed !== null) expect(Number.isInteger(o.seed) && o.seed >= 0).toBe(true);
        const robots = o.overrides?.robots;
        if (robots !== undefined) expect(Number.isInteger(robots) && robots >= 1 && robots <= 5000).toBe(true);
        expect(o.speed === 'max' || [1, 2, 4, 8, 16].includes(o.speed)).toBe(true);
        for (const key of ['robots', 'seed', 'speed'] as const) {
          const given = params[key];
          const used = key === 'robots' ? robots : key === 'seed' ? o.seed : o.speed;
          if (given !== undefined && given !== '' && (used === null || used === undefined || (key === 'speed' && String(used) !== given)))
            expect(o.problems!.some((p) => p.startsWith(`${key}=`))).toBe(true);
        }
      }),
      { seed: 20261202, numRuns: 1000 },
    );
  });
});
