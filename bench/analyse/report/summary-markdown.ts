import type { GroupVerdict, MetricVerdict } from '../gate/evaluate-gate.ts';
import { builtinKinds, formatKpiValue, headlineOf, kpiCatalogue } from '../../../sim/index.ts';
import { formatMetric, KPI_METRICS, metricApplies, type KpiMetric } from '../gate/kpi-metrics.ts';

const STATUS_TEXT: Record<GroupVerdict['status'], string> = {
  pass: '✅ pass',
  changed: '🔁 behaviour change',
  fail: '❌ regression',
  error: '💥 error',
  new: '🆕 new',
};

/** KPI columns of the summary table. */
export const SUMMARY_METRICS = KPI_METRICS.filter((m) => m.better !== 'info' || m.key === 'utilisation');

/** Whether any run of the group has the metric's figure (a flow line has no orders/h, a warehouse no OEE). */
function groupHas(v: GroupVerdict, metric: KpiMetric): boolean {
  const ok = v.runs.filter((r) => r.status === 'ok');
  return ok.length === 0 || ok.some((r) => metricApplies(metric, r.things));
}

/** The group's headline KPIs (`headlineKpisOf`: a line's units/h and OEE, sortation's parcels/h, a warehouse's orders/h), means over its runs. */
function headlineCell(v: GroupVerdict): string {
  const ok = v.runs.filter((r) => r.status === 'ok' && r.kpis);
  const things = ok.find((r) => r.things)?.things;
  if (!things) return '–';
  const parts = headlineOf(kpiCatalogue(builtinKinds, things)).map((d) => {
    const values = ok.map((r) => d.read(r.kpis!)).filter((x): x is number => x !== undefined);
    return values.length > 0 ? formatKpiValue(d, values.reduce((a, b) => a + b, 0) / values.length) : null;
  });
  return parts.filter((p) => p !== null).join(', ') || '–';
}

/**
 * The Markdown summary (for `$GITHUB_STEP_SUMMARY`): one table row per group with each KPI's mean
 * over seeds and, with a baseline, its delta, and last the group's headline KPIs (in their units);
 * then the notes. Columns no group has are left out,
 * and a cell whose scenario has no such thing shows `–` rather than a zero.
 */
export function formatSummaryMarkdown(suite: string, verdicts: readonly GroupVerdict[], baselineFile: string | null): string {
  const runs = verdicts.reduce((s, v) => s + v.runs.length, 0);
  const failed = verdicts.filter((v) => v.status === 'fail' || v.status === 'error').length;
  const columns = SUMMARY_METRICS.filter((m) => verdicts.some((v) => v.runs.some((r) => r.status === 'ok') && groupHas(v, m)));
  const lines = [
    `## Bench suite \`${suite}\``,
    '',
    `${runs} runs in ${verdicts.length} groups; ${failed === 0 ? 'no regressions' : `${failed} group(s) failed`}${baselineFile ? ` against \`${baselineFile}\`` : ' (no baseline)'}.`,
    '',
    `| Scenario | Controller | Runs | Status | ${columns.map((m) => m.title).join(' | ')} | Headline |`,
    `|---|---|---|---|${columns.map(() => '---:').join('|')}|---:|`,
  ];
  for (const v of verdicts) {
    const scenario = v.group.slice(0, v.group.length - v.label.length - 1);
    const anyOk = v.runs.some((r) => r.status === 'ok');
    const cells = columns.map((m) => (anyOk && groupHas(v, m) ? cell(v.metrics.find((x) => x.metric.key === m.key)!) : '–'));
    const status =
      v.status === 'fail' && v.failedOnFailures
        ? v.controllerFailedRuns.length > 0
          ? '❌ controller failed'
          : v.notes.some((n) => n.includes('watchdog'))
            ? '❌ watchdog'
            : v.notes.some((n) => n.includes('progress stalled') && !n.includes('allowed by'))
              ? '❌ stalled'
              : '❌ commands rejected'
        : v.status === 'fail' && v.failedOnHash && !v.metrics.some((m) => m.status === 'regressed')
          ? '❌ hash changed'
          : STATUS_TEXT[v.status];
    lines.push(`| ${scenario} | ${v.label} | ${v.runs.length} | ${status} | ${cells.join(' | ')} | ${headlineCell(v)} |`);
  }
  const notes = verdicts.flatMap((v) => [
    ...v.notes.map((n) => `- **${v.group}**: ${esc(n)}`),
    ...(v.replay ? [`- **${v.group}**: replay of the worst seed: \`${v.replay}\` (open it in the test field)`] : []),
  ]);
  if (notes.length > 0) lines.push('', '### Notes', '', ...notes);
  lines.push('', 'Values are means over seeds; deltas are against the baseline mean (⚠ marks a regression beyond tolerance).');
  if (verdicts.some((v) => v.metrics.some((m) => m.interval)))
    lines.push("For a group of replications, ± is the 95 % confidence half-width of the mean over its seeds (Student's t); the gate compares the mean.");
  lines.push('');
  return lines.join('\n');
}

function cell(m: MetricVerdict): string {
  const value = m.interval ? `${formatMetric(m.metric, m.current)} ± ${formatMetric(m.metric, m.interval.halfWidth)}` : formatMetric(m.metric, m.current);
  if (m.delta === null || m.baseline === null) return value;
  if (Number(m.delta.toFixed(m.metric.digits)) === 0) return `${value} (=)`;
  const pct = m.baseline !== 0 ? ` ${sign((m.delta / Math.abs(m.baseline)) * 100, 1)}%` : '';
  const mark = m.status === 'regressed' ? ' ⚠' : '';
  return `${value} (${sign(m.delta, m.metric.digits)}${pct})${mark}`;
}

function sign(v: number, digits: number): string {
  const s = v.toFixed(digits);
  return v > 0 && Number(s) !== 0 ? `+${s}` : Number(s) === 0 ? `±${Math.abs(Number(s)).toFixed(digits)}` : s;
}

/** Markdown-inert text: messages come from controllers and scenario files. */
function esc(s: string): string {
  return s.replace(/[<>&|`*_[\]]/g, (c) => `&#${c.charCodeAt(0)};`);
}
