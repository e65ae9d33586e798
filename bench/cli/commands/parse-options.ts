import { InvalidArgumentError } from 'commander';

/** Decimal digits only (no sign, spaces, hex, exponent or empty string: `Number()` accepts all of those). */
const INTEGER = /^\d{1,15}$/;
/** A plain decimal number: digits, optionally a fraction. */
const DECIMAL = /^(\d{1,15}(\.\d{0,15})?|\.\d{1,15})$/;

/** commander parser: an integer >= 0. */
export function parseNonNegativeInt(value: string): number {
  const n = INTEGER.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`expected an integer >= 0, got "${value}"`);
  return n;
}

/** commander parser: an integer >= 1. */
export function parsePositiveInt(value: string): number {
  const n = INTEGER.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`expected an integer >= 1, got "${value}"`);
  return n;
}

/** commander parser: a number > 0. */
export function parsePositiveNumber(value: string): number {
  const n = DECIMAL.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a number > 0, got "${value}"`);
  return n;
}

/** Longest simulated horizon a scenario may have (the spec's limit, 7 days), in minutes. */
export const MAX_MINUTES = 7 * 24 * 60;

/** commander parser: a simulated horizon in minutes, > 0 and at most {@link MAX_MINUTES} (stated in minutes). */
export function parseMinutes(value: string): number {
  const n = DECIMAL.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0 || n > MAX_MINUTES)
    throw new InvalidArgumentError(`expected minutes > 0 and at most ${MAX_MINUTES} (7 days), got "${value}"`);
  return n;
}

/** Longest simulated soak, hours (the spec's horizon limit). */
export const MAX_HOURS = 7 * 24;

/** commander parser: simulated hours, > 0 and at most {@link MAX_HOURS}. */
export function parseHours(value: string): number {
  const n = DECIMAL.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0 || n > MAX_HOURS) throw new InvalidArgumentError(`expected hours > 0 and at most ${MAX_HOURS} (7 days), got "${value}"`);
  return n;
}

/** Largest controller budget accepted, milliseconds (10 minutes). */
export const MAX_BUDGET_MS = 600_000;

/** commander parser: a wall-clock budget in milliseconds, 1 to {@link MAX_BUDGET_MS}. */
export function parseBudgetMs(value: string): number {
  const n = DECIMAL.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || n < 1 || n > MAX_BUDGET_MS) throw new InvalidArgumentError(`expected milliseconds from 1 to ${MAX_BUDGET_MS}, got "${value}"`);
  return n;
}

/** commander parser: where a controller runs (`auto`, `worker` or `thread`). */
export function parseIsolation(value: string): 'auto' | 'worker' | 'thread' {
  if (value === 'auto' || value === 'worker' || value === 'thread') return value;
  throw new InvalidArgumentError(`expected auto, worker or thread, got "${value}"`);
}
