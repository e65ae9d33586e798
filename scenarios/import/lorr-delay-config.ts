import type { ImportIssue } from './import-error.ts';

/** LoRR's delay event models: each available robot independently, or a Poisson count over the team. */
export type LorrEventModel = 'bernoulli' | 'poisson';
/** LoRR's delay duration models over `minDelay..maxDelay`. */
export type LorrDurationModel = 'uniform' | 'gaussian';

/**
 * A problem's `delayConfig`, as the Start-Kit documents it. Durations are LoRR execution ticks.
 * Every field is required when the object is present (as the Start-Kit requires them).
 */
export interface LorrDelayConfig {
  /** Seed of the delay stream: the same seed gives the same delays whatever the episode seed. */
  readonly seed: number;
  readonly minDelay: number;
  readonly maxDelay: number;
  readonly eventModel: LorrEventModel;
  /** `bernoulli`: chance per available robot and tick; `poisson`: rate `teamSize × pDelay` per tick. */
  readonly pDelay: number;
  readonly durationModel: LorrDurationModel;
  /** `gaussian`: mean at `minDelay + ratio × (maxDelay − minDelay)`. */
  readonly gaussMeanRatio: number;
  /** `gaussian`: standard deviation `ratio × (maxDelay − minDelay)`. */
  readonly gaussStdRatio: number;
}

const FIELDS = ['seed', 'minDelay', 'maxDelay', 'eventModel', 'pDelay', 'durationModel', 'gaussMeanRatio', 'gaussStdRatio'] as const;
const UINT32_MAX = 4294967295;

/**
 * Reads `delayConfig` (absent or null: no delays, as in problems before 2026). Pushes one issue
 * per bad or missing field, naming it as `delayConfig.<field>`; an unknown field is an issue too
 * (a warning when `lenientKeys`, e.g. in a file of a newer version).
 */
export function parseLorrDelayConfig(
  value: unknown,
  where: { file: string; line: number; lineOf: (key: string) => number },
  issues: ImportIssue[],
  warnings: ImportIssue[],
  lenientKeys: boolean,
): LorrDelayConfig | null {
  const { file, line } = where;
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    issues.push({ file, line, message: `delayConfig must be an object with ${FIELDS.join(', ')}; got ${JSON.stringify(value)}` });
    return null;
  }
  const v = value as Record<string, unknown>;
  const before = issues.length;
  const at = (key: string) => where.lineOf(key) || line;
  for (const key of Object.keys(v)) {
    if ((FIELDS as readonly string[]).includes(key)) continue;
    (lenientKeys ? warnings : issues).push({
      file,
      line: at(key),
      message: `unknown key "delayConfig.${key}"${lenientKeys ? ' ignored' : ''}; known: ${FIELDS.join(', ')}`,
    });
  }
  const num = (key: (typeof FIELDS)[number], int: boolean, lo: number, hi: number): number => {
    const x = v[key];
    if (typeof x !== 'number' || !Number.isFinite(x) || (int && !Number.isInteger(x)) || x < lo || x > hi) {
      issues.push({
        file,
        line: x === undefined ? line : at(key),
        message: `delayConfig.${key} must be ${int ? 'an integer' : 'a number'} in ${lo}..${hi}${x === undefined ? ', missing' : `, got ${JSON.stringify(x)}`}`,
      });
      return lo;
    }
    return x;
  };
  const choice = <T extends string>(key: (typeof FIELDS)[number], options: readonly T[]): T => {
    const x = v[key];
    if (typeof x === 'string' && (options as readonly string[]).includes(x)) return x as T;
    issues.push({
      file,
      line: x === undefined ? line : at(key),
      message: `delayConfig.${key} must be ${options.map((o) => `"${o}"`).join(' or ')}${x === undefined ? ', missing' : `, got ${JSON.stringify(x)}`}`,
    });
    return options[0]!;
  };
  const cfg: LorrDelayConfig = {
    seed: num('seed', true, 0, UINT32_MAX),
    minDelay: num('minDelay', true, 1, 1_000_000),
    maxDelay: num('maxDelay', true, 1, 1_000_000),
    eventModel: choice('eventModel', ['bernoulli', 'poisson'] as const),
    pDelay: num('pDelay', false, 0, 1),
    durationModel: choice('durationModel', ['uniform', 'gaussian'] as const),
    gaussMeanRatio: num('gaussMeanRatio', false, 0, 1),
    gaussStdRatio: num('gaussStdRatio', false, 0, 1_000),
  };
  if (issues.length === before && cfg.minDelay > cfg.maxDelay)
    issues.push({ file, line: at('maxDelay'), message: `delayConfig.maxDelay ${cfg.maxDelay} is below minDelay ${cfg.minDelay}` });
  return issues.length === before ? cfg : null;
}
