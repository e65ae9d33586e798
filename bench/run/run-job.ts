import type { Kpis, ScenarioOverrides, ScenarioSpecInput, ThingCounts } from '../../sim/index.ts';
import type { Isolation, RunResult } from './run-scenario.ts';
import type { RunFailures } from './run-failures.ts';

/** One run of a suite, sweep or comparison: everything a worker needs, structured-clonable. */
export interface RunJob {
  /** Unique, stable id of the run within its suite; sorts the same on every machine. */
  key: string;
  /** Runs with the same group are one scenario variant × one controller label (one JUnit case). */
  group: string;
  /** Scenario id as resolved (`warehouse/g2p-small@1`). */
  scenario: string;
  /** The scenario spec to run (overrides not yet applied). */
  spec: ScenarioSpecInput;
  /** Name the results use for the controller. */
  label: string;
  /** Registry name or module path of the controller (see `loadControllerFactory`). */
  controller: string;
  seed: number;
  overrides: ScenarioOverrides;
  /** Free-form parameters carried into the record (sweeps put their grid point here). */
  params?: Record<string, number | string>;
  /** The suite entry's replication count when it asked for replications (its group's report gives 95 % intervals). */
  replications?: number;
  /** Where the controller runs (default `auto`: module paths isolated) and its budget per call. */
  isolation?: Isolation;
  budgetMs?: number;
  /** Run log the worker marks the run's start in (so `--resume` can tell a run that kills its process). */
  startLog?: string;
}

/** Per-tick wall time of a run, milliseconds. */
export interface RunTiming {
  tickMs: number;
  physicsMs: number;
  controllerMs: number;
  otherMs: number;
}

/** The outcome of one run, as appended to `runs.jsonl` and listed in `results.json`. */
export interface RunRecord {
  key: string;
  group: string;
  scenario: string;
  label: string;
  controller: string;
  seed: number;
  overrides: ScenarioOverrides;
  params?: Record<string, number | string>;
  /** The suite entry's replication count, when it asked for replications. */
  replications?: number;
  status: 'ok' | 'error';
  /** Message of the failure when `status` is `error`. */
  error?: string;
  robots: number;
  ticks: number;
  simulatedSec: number;
  /** State hash at the horizon; null for a failed run. */
  hash: string | null;
  kpis: Kpis | null;
  wallSec: number;
  realTimeFactor: number;
  timing: RunTiming | null;
  /** Controller failures and rejections by cause, and an early stop (absent in old results and for crashed runs). */
  failures?: RunFailures;
  /** Whether the controller ran isolated in a worker thread. */
  isolated?: boolean;
  /** Things of each kind the scenario has (absent in old results and for crashed runs): which KPIs it can show. */
  things?: ThingCounts;
}

/** The record of a job that ran to its horizon, from the run's result. */
export function okRecord(job: RunJob, result: RunResult): RunRecord {
  return {
    key: job.key,
    group: job.group,
    scenario: result.scenario,
    label: job.label,
    controller: job.controller,
    seed: result.seed,
    overrides: job.overrides,
    ...(job.params ? { params: job.params } : {}),
    ...(job.replications !== undefined ? { replications: job.replications } : {}),
    status: 'ok',
    robots: result.robots,
    ticks: result.ticks,
    simulatedSec: result.simulatedSec,
    hash: result.hash,
    kpis: result.kpis,
    wallSec: result.wallSec,
    realTimeFactor: result.realTimeFactor,
    timing: result.timing,
    failures: result.failures,
    isolated: result.isolated,
    things: result.things,
  };
}

/** A record for a run that failed before or while running. */
export function errorRecord(job: RunJob, message: string, wallSec = 0): RunRecord {
  return {
    key: job.key,
    group: job.group,
    scenario: job.scenario,
    label: job.label,
    controller: job.controller,
    seed: job.seed,
    overrides: job.overrides,
    ...(job.params ? { params: job.params } : {}),
    ...(job.replications !== undefined ? { replications: job.replications } : {}),
    status: 'error',
    error: message,
    robots: job.overrides.robots ?? 0,
    ticks: 0,
    simulatedSec: 0,
    hash: null,
    kpis: null,
    wallSec,
    realTimeFactor: 0,
    timing: null,
  };
}

/** Compact variant label of overrides, e.g. `robots=20,minutes=3` (empty when none). */
export function variantOf(overrides: ScenarioOverrides): string {
  const parts: string[] = [];
  if (overrides.robots !== undefined) parts.push(`robots=${overrides.robots}`);
  if (overrides.minutes !== undefined) parts.push(`minutes=${overrides.minutes}`);
  return parts.join(',');
}

/** Group key of a scenario variant and a controller label. */
export function groupKey(scenario: string, overrides: ScenarioOverrides, label: string): string {
  const variant = variantOf(overrides);
  return `${scenario}${variant ? `[${variant}]` : ''} ${label}`;
}

/** Run key: the group plus the seed, zero-padded so keys sort numerically. */
export function runKey(group: string, seed: number): string {
  return `${group} seed=${String(seed).padStart(6, '0')}`;
}
