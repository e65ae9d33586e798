import { createRootRng, detLog, type Rng } from '../../sim/index.ts';
import type { LorrDelayConfig } from './lorr-delay-config.ts';

/** One delay: robot `robot` is held from execution tick `tick` for `ticks` ticks. */
export interface LorrDelay {
  readonly tick: number;
  readonly robot: number;
  readonly ticks: number;
}

/**
 * The delays of `teamSize` robots over `horizonTicks` LoRR execution ticks, drawn the way the
 * Start-Kit's delay generator draws them: every tick, each robot's remaining delay counts down;
 * the robots with none left are available; `bernoulli` delays each available robot with chance
 * `pDelay`, `poisson` draws a count with mean `teamSize × pDelay` (capped at the available robots)
 * and delays that many distinct available robots at random; each delay lasts a `uniform` or
 * `gaussian` (rounded, clamped to `minDelay..maxDelay`) number of ticks.
 *
 * The stream is seeded by `delayConfig.seed` alone (a fork of the sim's xoshiro128** stream, not
 * the Start-Kit's mt19937), so a problem file always yields the same delays here, whatever the
 * episode seed; the figures are the Start-Kit's distributions, not its exact draws.
 */
export function lorrDelaySchedule(cfg: LorrDelayConfig, teamSize: number, horizonTicks: number): LorrDelay[] {
  const delays: LorrDelay[] = [];
  if (cfg.pDelay <= 0 || teamSize <= 0) return delays;
  const rng = createRootRng(cfg.seed).fork('lorr-delays');
  const remaining = new Int32Array(teamSize);
  const available = new Int32Array(teamSize);
  const rate = teamSize * cfg.pDelay;
  for (let tick = 0; tick < horizonTicks; tick++) {
    let count = 0;
    for (let robot = 0; robot < teamSize; robot++) {
      if (remaining[robot]! > 0) remaining[robot]! -= 1;
      if (remaining[robot] === 0) available[count++] = robot;
    }
    if (cfg.eventModel === 'bernoulli') {
      for (let k = 0; k < count; k++) {
        if (rng.next() < cfg.pDelay) delays.push(hold(available[k]!, tick));
      }
    } else {
      const picks = Math.min(poissonCount(rate, rng), count);
      // Partial Fisher-Yates: `picks` distinct available robots, uniformly.
      for (let k = 0; k < picks; k++) {
        const j = k + rng.int(count - k);
        const robot = available[j]!;
        available[j] = available[k]!;
        available[k] = robot;
        delays.push(hold(robot, tick));
      }
    }
  }
  return delays;

  function hold(robot: number, tick: number): LorrDelay {
    const ticks = delayTicks(cfg, rng);
    remaining[robot] = ticks;
    return { tick, robot, ticks };
  }
}

/** One delay duration, execution ticks: the config's duration model over `minDelay..maxDelay`. */
function delayTicks(cfg: LorrDelayConfig, rng: Rng): number {
  const { minDelay: lo, maxDelay: hi } = cfg;
  if (lo === hi) return lo;
  if (cfg.durationModel === 'uniform') return rng.range(lo, hi);
  const span = hi - lo;
  const mean = lo + span * cfg.gaussMeanRatio;
  const sd = span * cfg.gaussStdRatio;
  const x = sd > 0 ? mean + sd * standardNormal(rng) : mean;
  return Math.min(hi, Math.max(lo, Math.round(x)));
}

/** Marsaglia's polar method with the deterministic logarithm: bit-identical in every engine. */
function standardNormal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng.next() - 1;
    const v = 2 * rng.next() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * detLog(s)) / s);
  }
}

/** A Poisson count: Knuth's product method up to mean 30, a rounded normal above (Knuth's product underflows past ~700). */
function poissonCount(mean: number, rng: Rng): number {
  if (mean <= 30) return rng.poisson(mean);
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(rng)));
}
