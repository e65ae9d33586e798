import type { KpiDescriptor } from './kpi-catalogue.ts';
import { formatKpiValue } from '../kind/kpi-meta.ts';
import type { Kpis } from './kpis.ts';

/** One line of a KPI summary: a label, its text, and the key of the figure it leads with. */
export interface KpiRow {
  readonly label: string;
  readonly value: string;
  readonly key: string;
}

const titled = (d: KpiDescriptor, v: number) => `${d.title} ${formatKpiValue(d, v)}`;

/**
 * The rows a summary shows of KPIs `k`, from their metadata: one row a figure (its details in
 * brackets after its value: `20 (released 22, lines picked 40)`), one row a thing for per-thing
 * figures (`machine M1: units 122, OEE 67.8 %, working 69.7 %`). Hidden figures, figures `k`
 * does not have and `omitZero` figures at zero are left out. The headless summary and the page's
 * KPI panel both draw with this.
 */
export function kpiRows(catalogue: readonly KpiDescriptor[], k: Kpis): KpiRow[] {
  const shown = catalogue.flatMap((d) => {
    if (d.hidden) return [];
    const v = d.read(k);
    return v === undefined || (d.omitZero && v === 0) ? [] : [{ d, v }];
  });
  const details = new Map<string, string[]>();
  for (const { d, v } of shown) if (d.detailOf !== undefined) details.set(d.detailOf, [...(details.get(d.detailOf) ?? []), titled(d, v)]);
  const rows: KpiRow[] = [];
  const groups = new Map<string, { key: string; parts: string[] }>();
  for (const { d, v } of shown) {
    if (d.detailOf !== undefined) continue;
    if (d.group !== undefined) {
      const group = groups.get(d.group);
      if (group) group.parts.push(titled(d, v));
      else {
        const created = { key: d.key, parts: [titled(d, v)] };
        groups.set(d.group, created);
        rows.push({ label: d.group, value: '', key: d.key });
      }
      continue;
    }
    const extra = details.get(d.key);
    rows.push({ label: d.title, value: `${formatKpiValue(d, v)}${extra ? ` (${extra.join(', ')})` : ''}`, key: d.key });
  }
  return rows.map((r) => {
    const group = groups.get(r.label);
    return group && group.key === r.key ? { ...r, value: group.parts.join(', ') } : r;
  });
}
