import type { RunRecord } from '../../run/run-job.ts';
import type { Baseline } from './baseline.ts';
import { KPI_METRICS, meanKpis, type KpiMetric } from './kpi-metrics.ts';
import { controllerFailed, describeCauses, describeStall } from '../../run/run-failures.ts';
import { replicationIntervals, type MetricInterval } from './replication-intervals.ts';

/** How one KPI of a group compares with the baseline. */
export type MetricStatus = 'same' | 'within' | 'regressed' | 'improved' | 'info' | 'new';

export interface MetricVerdict {
  metric: KpiMetric;
  current: number;
  baseline: number | null;
  /** current − baseline (null without a baseline). */
  delta: number | null;
  status: MetricStatus;
  /** Allowed worsening in the KPI's unit (null when not gated). */
  allowed: number | null;
  /** 95 % interval over the group's replications (groups from a suite entry with `replications`); the gate still compares `current`, the mean. */
  interval?: MetricInterval;
}

/**
 * Outcome of a group (one scenario variant × controller): `fail` on a regression, on a controller
 * that failed or commands rejected (unless the baseline group `allow`s it), on a watchdog stop (or, with
 * `strictHash`, on any state-hash difference), `error` when a run crashed, `changed` when hashes
 * differ but no KPI regressed (a behaviour change, not a failure), `new` without a baseline
 * entry, else `pass`.
 */
export type GroupStatus = 'pass' | 'changed' | 'fail' | 'error' | 'new';

export interface GroupVerdict {
  group: string;
  scenario: string;
  label: string;
  runs: RunRecord[];
  status: GroupStatus;
  metrics: MetricVerdict[];
  /** Run keys whose hash differs from the baseline. */
  changedHashes: string[];
  /** Whether the group fails because of its hash differences (`strictHash`), not only reports them. */
  failedOnHash: boolean;
  /** Runs whose controller failed (threw, returned garbage, wrote into its observation, was stopped). */
  controllerFailedRuns: string[];
  /** Commands rejected over the group's runs, by cause. */
  rejectedByCause: Record<string, number>;
  /** Whether the group fails because of controller failures or rejected commands the baseline does not allow. */
  failedOnFailures: boolean;
  /** Human-readable reasons for the status (regressions, errors, hash changes). */
  notes: string[];
  /** Replay of the group's worst seed (relative to the output directory), when the suite wrote one. */
  replay?: string;
}

/** How strict the gate is. */
export interface GateOptions {
  /** A state hash that differs from the baseline fails the group (`--strict-hash`), even with every KPI in tolerance. */
  strictHash?: boolean;
}

/** Compares every group of runs with the baseline (or only summarises them without one). */
export function evaluateGate(records: readonly RunRecord[], baseline: Baseline | null, options: GateOptions = {}): GroupVerdict[] {
  const byGroup = new Map<string, RunRecord[]>();
  for (const r of records) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
  return [...byGroup.keys()].sort().map((group) => evaluateGroup(group, byGroup.get(group)!, baseline, Boolean(options.strictHash)));
}

function evaluateGroup(group: string, runs: RunRecord[], baseline: Baseline | null, strictHash: boolean): GroupVerdict {
  const ok = runs.filter((r) => r.status === 'ok');
  const errors = runs.filter((r) => r.status === 'error');
  const means = meanKpis(ok.map((r) => r.kpis!));
  const base = baseline?.groups[group];
  const notes: string[] = errors.map((r) => `${r.key} crashed: ${r.error}`);
  const intervals = replicationIntervals(runs);
  const metrics = KPI_METRICS.map((metric): MetricVerdict => {
    const current = means[metric.key]!;
    const reference = base?.kpis[metric.key];
    const interval = intervals ? { interval: intervals[metric.key]! } : {};
    if (reference === undefined) return { metric, current, baseline: null, delta: null, status: base ? 'new' : 'info', allowed: null, ...interval };
    const delta = current - reference;
    const tolerance = baseline!.tolerances[metric.key];
    if (metric.better === 'info' || !tolerance) return { metric, current, baseline: reference, delta, status: 'info', allowed: null, ...interval };
    const allowed = Math.max(tolerance.absolute, tolerance.relative * Math.abs(reference));
    const worse = metric.better === 'higher' ? -delta : delta;
    const eps = 1e-9;
    const status: MetricStatus = Math.abs(delta) <= eps ? 'same' : worse > allowed + eps ? 'regressed' : -worse > allowed + eps ? 'improved' : 'within';
    if (status === 'regressed') {
      const hw = interval.interval?.halfWidth;
      const noise =
        hw !== undefined
          ? `; mean of ${interval.interval!.n} replications ± ${fmt(hw)} (95 %)${Math.abs(delta) <= hw ? ': the baseline lies inside the interval, so this may be noise; more replications narrow it' : ''}`
          : '';
      notes.push(
        `${metric.key} regressed: ${fmt(current)} vs baseline ${fmt(reference)} (${metric.better} is better; allowed worsening ${fmt(allowed)})${noise}`,
      );
    }
    return { metric, current, baseline: reference, delta, status, allowed, ...interval };
  });
  const changedHashes = base ? ok.filter((r) => base.hashes[r.key] !== undefined && base.hashes[r.key] !== r.hash).map((r) => r.key) : [];
  const failedOnHash = strictHash && changedHashes.length > 0;
  if (failedOnHash)
    notes.push(`state hash differs from the baseline (--strict-hash) in ${changedHashes.length} of ${ok.length} runs: ${changedHashes.join(', ')}`);
  else if (changedHashes.length > 0) notes.push(`behaviour change: state hash differs from the baseline in ${changedHashes.length} of ${ok.length} runs`);
  const controllerFailedRuns = ok.filter((r) => controllerFailed(r.failures)).map((r) => r.key);
  const rejectedByCause: Record<string, number> = {};
  for (const r of ok) for (const [cause, n] of Object.entries(r.failures?.rejections.byCause ?? {})) rejectedByCause[cause] = (rejectedByCause[cause] ?? 0) + n;
  const rejected = Object.values(rejectedByCause).reduce((a, b) => a + b, 0);
  const badController = controllerFailedRuns.length > 0 && !base?.allow?.controllerFailed;
  const badRejections = rejected > 0 && !base?.allow?.commandsRejected;
  if (controllerFailedRuns.length > 0) {
    const first = ok.find((r) => controllerFailed(r.failures))!.failures!;
    const what = first.stopped?.by === 'controller' ? first.stopped.reason : (first.controllerFailed.first?.message ?? 'failed');
    notes.push(`controller failed in ${controllerFailedRuns.length} of ${ok.length} runs${badController ? '' : ' (allowed by the baseline)'}: ${what}`);
  }
  for (const r of ok)
    if (r.failures?.stopped?.by === 'watchdog')
      notes.push(`${r.key}: watchdog stopped the episode at tick ${r.failures.stopped.tick}: ${r.failures.stopped.reason}`);
  if (rejected > 0)
    notes.push(`${rejected} commands rejected${badRejections ? '' : ' (allowed by the baseline)'}: ${describeCauses(rejectedByCause).slice(0, 5).join('; ')}`);
  const watchdog = ok.some((r) => r.failures?.stopped?.by === 'watchdog');
  const stalledRuns = ok.filter((r) => r.failures?.stalled);
  for (const r of stalledRuns)
    notes.push(`${r.key}: progress stalled: ${describeStall(r.failures!.stalled!)}${base?.allow?.stalled ? ' (allowed by the baseline)' : ''}`);
  const badStall = stalledRuns.length > 0 && !base?.allow?.stalled;
  const failedOnFailures = badController || badRejections || watchdog || badStall;
  const regressed = metrics.some((m) => m.status === 'regressed');
  const status: GroupStatus =
    errors.length > 0
      ? 'error'
      : failedOnFailures
        ? 'fail'
        : !base && baseline
          ? 'new'
          : regressed || failedOnHash
            ? 'fail'
            : changedHashes.length > 0
              ? 'changed'
              : 'pass';
  if (status === 'new') notes.push('no baseline entry for this group; run with --update-baseline to add it');
  const first = runs[0]!;
  return {
    group,
    scenario: first.scenario,
    label: first.label,
    runs,
    status,
    metrics,
    changedHashes,
    failedOnHash,
    controllerFailedRuns,
    rejectedByCause,
    failedOnFailures,
    notes,
  };
}

/** Exit code of a gate: 1 when any group failed or crashed, else 0. */
export function gateExitCode(verdicts: readonly GroupVerdict[]): 0 | 1 {
  return verdicts.some((v) => v.status === 'fail' || v.status === 'error') ? 1 : 0;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(3);
}
