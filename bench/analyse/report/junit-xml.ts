import type { GroupVerdict } from '../gate/evaluate-gate.ts';
import { formatMetric, metricApplies } from '../gate/kpi-metrics.ts';

/**
 * JUnit XML with one test case per group (scenario variant × controller): a `<failure>` on a
 * regression, a failed controller, rejected commands or a watchdog stop, an `<error>` when a run
 * crashed, and the KPIs the scenario has (means), behaviour changes, failure counts and the worst
 * seed's replay in `<system-out>`.
 */
export function formatJunitXml(suite: string, verdicts: readonly GroupVerdict[]): string {
  const failures = verdicts.filter((v) => v.status === 'fail').length;
  const errors = verdicts.filter((v) => v.status === 'error').length;
  const seconds = (v: GroupVerdict) => v.runs.reduce((s, r) => s + r.wallSec, 0);
  const total = verdicts.reduce((s, v) => s + seconds(v), 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="bench ${esc(suite)}" tests="${verdicts.length}" failures="${failures}" errors="${errors}" time="${total.toFixed(3)}">`,
    `  <testsuite name="${esc(suite)}" tests="${verdicts.length}" failures="${failures}" errors="${errors}" skipped="0" time="${total.toFixed(3)}">`,
  ];
  for (const v of verdicts) {
    const open = `    <testcase classname="${esc(v.group.slice(0, v.group.length - v.label.length - 1))}" name="${esc(v.label)}" time="${seconds(v).toFixed(3)}"`;
    const body: string[] = [];
    const detail = [...v.notes, ...(v.replay ? [`replay of the worst seed: ${v.replay}`] : [])].join('\n');
    if (v.status === 'fail' && v.failedOnFailures) {
      const note =
        v.notes.find((n) => n.startsWith('controller failed')) ??
        v.notes.find((n) => n.includes('watchdog')) ??
        v.notes.find((n) => n.includes('commands rejected')) ??
        v.notes.find((n) => n.includes('progress stalled')) ??
        'controller failed';
      const type = note.startsWith('controller failed')
        ? 'controller-failed'
        : note.includes('watchdog')
          ? 'watchdog'
          : note.includes('progress stalled')
            ? 'stalled'
            : 'rejected-commands';
      body.push(`      <failure message="${esc(note)}" type="${type}">${esc(detail)}</failure>`);
    } else if (v.status === 'fail') {
      const regression = v.notes.find((n) => n.includes('regressed'));
      const message = regression ?? v.notes.find((n) => n.includes('--strict-hash')) ?? 'regression';
      body.push(`      <failure message="${esc(message)}" type="${regression || !v.failedOnHash ? 'regression' : 'hash-change'}">${esc(detail)}</failure>`);
    }
    if (v.status === 'error') body.push(`      <error message="${esc(v.notes[0] ?? 'run crashed')}" type="crash">${esc(detail)}</error>`);
    const runLine = (r: GroupVerdict['runs'][number]) =>
      `${r.key} ${r.status} hash=${r.hash ?? '-'}${r.failures ? ` controllerFailed=${r.failures.controllerFailed.count} rejected=${r.failures.rejections.total}` : ''}`;
    const ok = v.runs.filter((r) => r.status === 'ok');
    const shown = ok.length === 0 ? [] : v.metrics.filter((m) => ok.some((r) => metricApplies(m.metric, r.things)));
    const kpiLine =
      shown.length > 0 ? [`KPIs (mean over seeds): ${shown.map((m) => `${m.metric.title} ${formatMetric(m.metric, m.current)}`).join('; ')}`] : [];
    const out = [
      `${v.runs.length} runs`,
      ...kpiLine,
      ...v.runs.map(runLine),
      ...(v.status === 'changed' || v.status === 'new' ? v.notes : []),
      ...(v.replay ? [`replay: ${v.replay}`] : []),
    ];
    body.push(`      <system-out>${esc(out.join('\n'))}</system-out>`);
    lines.push(`${open}>`, ...body, '    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
