import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lorrDelaySchedule, readLorrProblem, type LorrDelay, type LorrDelayConfig } from '../../scenarios/index.ts';
import { makeHost, runCollect } from '../helpers/make-host.ts';

/**
 * The LoRR delay model (`delayConfig`) against its distributions. Bounds are mean ± 4.5 σ (normal
 * approximation; every count here is in the hundreds or more, so a correct generator leaves them
 * with odds below 1 in 100,000 per check, and the seeds are fixed: a pass is reproducible).
 */
const Z = 4.5;
const base: LorrDelayConfig = {
  seed: 0,
  minDelay: 1,
  maxDelay: 1,
  eventModel: 'bernoulli',
  pDelay: 0.004,
  durationModel: 'uniform',
  gaussMeanRatio: 0.5,
  gaussStdRatio: 0.22,
};

function within(count: number, mean: number, variance: number): void {
  const sd = Math.sqrt(variance);
  expect(count, `${count} vs mean ${mean.toFixed(1)} ± ${(Z * sd).toFixed(1)}`).toBeGreaterThanOrEqual(mean - Z * sd);
  expect(count, `${count} vs mean ${mean.toFixed(1)} ± ${(Z * sd).toFixed(1)}`).toBeLessThanOrEqual(mean + Z * sd);
}

function perTick(delays: readonly LorrDelay[], ticks: number): number[] {
  const counts = new Array<number>(ticks).fill(0);
  for (const d of delays) counts[d.tick]! += 1;
  return counts;
}

function meanVar(xs: readonly number[]): [number, number] {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return [mean, xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)];
}

/** Robot-ticks on which a robot was available (not held by an earlier delay) over `ticks`. */
function availableRobotTicks(delays: readonly LorrDelay[], robots: number, ticks: number): number {
  return robots * ticks - delays.reduce((n, d) => n + Math.min(d.ticks, ticks - d.tick), 0);
}

describe('LoRR delay events (delayConfig.eventModel)', () => {
  it('bernoulli: the count is Binomial(available robot-ticks, pDelay), for ten seeds', () => {
    for (let seed = 0; seed < 10; seed++) {
      const delays = lorrDelaySchedule({ ...base, seed }, 200, 3000);
      const n = availableRobotTicks(delays, 200, 3000);
      expect(n).toBe(600_000 - delays.length); // one-tick delays hold a robot only on their own tick
      within(delays.length, n * base.pDelay, n * base.pDelay * (1 - base.pDelay));
    }
  });

  it('poisson: the count is Poisson(teamSize × pDelay × ticks), for ten seeds', () => {
    for (let seed = 0; seed < 10; seed++) {
      const delays = lorrDelaySchedule({ ...base, seed, eventModel: 'poisson' }, 200, 3000);
      const mean = 200 * base.pDelay * 3000;
      within(delays.length, mean, mean);
    }
  });

  it('per tick, poisson counts have variance ≈ mean, bernoulli ≈ n·p·(1−p): the two models differ as documented', () => {
    const cfg = { ...base, pDelay: 0.3 };
    const [pm, pv] = meanVar(perTick(lorrDelaySchedule({ ...cfg, eventModel: 'poisson' }, 10, 4000), 4000));
    const [bm, bv] = meanVar(perTick(lorrDelaySchedule({ ...cfg, eventModel: 'bernoulli' }, 10, 4000), 4000));
    expect(pm).toBeCloseTo(3, 0);
    expect(bm).toBeCloseTo(3, 0);
    expect(pv).toBeGreaterThan(2.65); // Poisson(3): variance 3
    expect(pv).toBeLessThan(3.35);
    expect(bv).toBeGreaterThan(1.8); // Binomial(10, 0.3): variance 2.1
    expect(bv).toBeLessThan(2.4);
  });

  it('a held robot is not delayed again; poisson picks distinct available robots', () => {
    for (const eventModel of ['bernoulli', 'poisson'] as const) {
      const delays = lorrDelaySchedule({ ...base, eventModel, pDelay: 0.05, minDelay: 5, maxDelay: 9 }, 30, 2000);
      expect(delays.length).toBeGreaterThan(500);
      const freeAt = new Array<number>(30).fill(0);
      for (const d of delays) {
        expect(d.tick, `${eventModel} robot ${d.robot}`).toBeGreaterThanOrEqual(freeAt[d.robot]!);
        freeAt[d.robot] = d.tick + d.ticks;
      }
    }
  });

  it('the same delayConfig.seed gives the same delays; another seed others', () => {
    const cfg = { ...base, eventModel: 'poisson' as const, pDelay: 0.01, minDelay: 2, maxDelay: 8, durationModel: 'gaussian' as const };
    expect(lorrDelaySchedule(cfg, 50, 500)).toEqual(lorrDelaySchedule(cfg, 50, 500));
    expect(lorrDelaySchedule({ ...cfg, seed: 1 }, 50, 500)).not.toEqual(lorrDelaySchedule(cfg, 50, 500));
  });
});

describe('LoRR delay durations (delayConfig.durationModel)', () => {
  const durations = (cfg: Partial<LorrDelayConfig>) => lorrDelaySchedule({ ...base, eventModel: 'poisson', pDelay: 0.5, ...cfg }, 200, 400).map((d) => d.ticks);

  it('uniform: every value of minDelay..maxDelay, mean at the middle', () => {
    const d = durations({ minDelay: 10, maxDelay: 30 });
    expect(d.length).toBeGreaterThan(2000);
    expect(new Set(d)).toEqual(new Set(Array.from({ length: 21 }, (_, k) => 10 + k)));
    const [mean, variance] = meanVar(d);
    within(mean * d.length, 20 * d.length, ((21 * 21 - 1) / 12) * d.length); // discrete uniform variance (n²−1)/12
    expect(variance).toBeGreaterThan(30);
    expect(variance).toBeLessThan(44);
  });

  it('gaussian: mean at min + gaussMeanRatio × span, sd gaussStdRatio × span, rounded and clamped', () => {
    const d = durations({ minDelay: 5, maxDelay: 20, durationModel: 'gaussian' });
    expect(Math.min(...d)).toBe(5);
    expect(Math.max(...d)).toBe(20);
    const [mean, variance] = meanVar(d);
    expect(mean).toBeGreaterThan(12.2); // 5 + 0.5 × 15 = 12.5
    expect(mean).toBeLessThan(12.8);
    expect(Math.sqrt(variance)).toBeGreaterThan(2.9); // 0.22 × 15 = 3.3, a little less after clamping
    expect(Math.sqrt(variance)).toBeLessThan(3.5);
    const [shifted] = meanVar(durations({ minDelay: 5, maxDelay: 20, durationModel: 'gaussian', gaussMeanRatio: 0.2 }));
    expect(shifted).toBeGreaterThan(7.7); // 5 + 0.2 × 15 = 8, clamping at 5 lifts it slightly
    expect(shifted).toBeLessThan(8.6);
    expect(new Set(durations({ minDelay: 5, maxDelay: 20, durationModel: 'gaussian', gaussStdRatio: 0 }))).toEqual(new Set([13])); // round(12.5)
  });
});

describe('LoRR delays in a seeded run (the maze example, pDelay raised)', () => {
  const json = 'tests/fixtures/lorr/maze.domain/maze-example_40.json';
  for (const eventModel of ['bernoulli', 'poisson'] as const) {
    it(`${eventModel}: the stalls fired in the sim number within their ${eventModel === 'poisson' ? 'Poisson' : 'binomial'} bounds`, async () => {
      const text = readFileSync(json, 'utf8')
        .replace('"pDelay": 0.0003', '"pDelay": 0.01')
        .replace('"eventModel": "bernoulli"', `"eventModel": "${eventModel}"`);
      const { spec, lorr } = readLorrProblem(json, (p) => (p === json ? text : readFileSync(p, 'utf8')), { minutes: 1 });
      const ticks = Math.floor(60 / lorr.tickSec);
      const host = await makeHost({ spec, controller: 'greedy' });
      const events = runCollect(host);
      host.dispose();
      const stalls = events.filter((e) => e.type === 'fault.injected' && (e as { kind: string }).kind === 'robot.stall') as Array<{
        tick: number;
        robot: number;
        durationSec: number;
      }>;
      expect(stalls.length).toBe(lorr.delays);
      if (eventModel === 'poisson') {
        within(stalls.length, 40 * 0.01 * ticks, 40 * 0.01 * ticks);
      } else {
        const held = stalls.reduce((n, s) => n + Math.min(Math.round(s.durationSec / lorr.tickSec), ticks - Math.round(s.tick / 30 / lorr.tickSec)), 0);
        const n = 40 * ticks - held;
        within(stalls.length, n * 0.01, n * 0.01 * 0.99);
      }
    }, 120_000);
  }
});
