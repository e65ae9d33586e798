/**
 * What a KPI means: declared beside the reducer that computes it (a kind's `kpis.meta`, the
 * fleet's in `fleet-kpi-meta.ts`), so every host (the headless summary, the JSON, the page's
 * panel, the suite's reports and gate) titles, formats and ranks it the same way.
 */

/** Which way a KPI improves; `info` figures are context (counts, totals), neither better nor worse. */
export type KpiBetter = 'higher' | 'lower' | 'info';

/** How a figure is printed: `digits` decimals; `percent` shows a 0..1 share as 0..100. */
export interface KpiFormat {
  readonly digits: number;
  readonly percent?: boolean;
}

/** The meaning of one figure a KPI reducer reports. */
export interface KpiFigureMeta {
  /** Lower-case title as a row label (`throughput`, `OEE (bottleneck)`). */
  readonly title: string;
  /** Unit after the value (`orders/h`, `%`, `s`); empty for plain counts. */
  readonly unit: string;
  readonly better: KpiBetter;
  readonly format: KpiFormat;
  /**
   * Headline precedence: a scenario's headline KPIs (what a gate should watch) are its figures
   * with the smallest number (a line's units/h and OEE: 1; sortation's parcels/h: 2; a
   * warehouse's orders/h: 4).
   */
  readonly headline?: number;
  /** Shown (in the summary and the panel) only when non-zero: state shares, counts by cause. */
  readonly omitZero?: boolean;
  /** Printed in another figure's row, after its value, not in a row of its own: that figure's key. */
  readonly detailOf?: string;
  /** Kept out of the summary and the panel (still in the JSON with its metadata). */
  readonly hidden?: boolean;
}

/** The metadata beside a kind's KPI reducer (`KindKpis.meta`): one entry for every figure `finalize` can return. */
export interface KindKpiMeta {
  /** What one thing of the kind is called in per-thing rows (`machine` → `machine M1`). */
  readonly thing?: string;
  /** Figures by the key `finalize` returns them under. */
  readonly figures: Readonly<Record<string, KpiFigureMeta>>;
  /** Per-thing figures, returned as `<thing name>.<key>` (a machine's `M1.oee`), by `<key>`. */
  readonly perThing?: Readonly<Record<string, KpiFigureMeta>>;
  /** Figures under names known only at run time (fault kinds' counts), each `title` prefixed with its key. */
  readonly other?: KpiFigureMeta;
}

/** Builders for the common shapes of metadata. */
export const kpi = {
  /** A count of things or events. */
  count: (title: string, better: KpiBetter = 'info', extra: Partial<KpiFigureMeta> = {}): KpiFigureMeta => ({
    title,
    unit: '',
    better,
    format: { digits: 0 },
    ...extra,
  }),
  /** A rate per simulated hour. */
  perHour: (title: string, unit: string, extra: Partial<KpiFigureMeta> = {}): KpiFigureMeta => ({
    title,
    unit,
    better: 'higher',
    format: { digits: 1 },
    ...extra,
  }),
  /** A duration in seconds. */
  seconds: (title: string, better: KpiBetter = 'lower', extra: Partial<KpiFigureMeta> = {}): KpiFigureMeta => ({
    title,
    unit: 's',
    better,
    format: { digits: 1 },
    ...extra,
  }),
  /** A 0..1 share shown as a percentage. */
  share: (title: string, better: KpiBetter = 'higher', extra: Partial<KpiFigureMeta> = {}): KpiFigureMeta => ({
    title,
    unit: '%',
    better,
    format: { digits: 1, percent: true },
    ...extra,
  }),
  /** Any other quantity with a unit. */
  amount: (title: string, unit: string, digits: number, better: KpiBetter = 'info', extra: Partial<KpiFigureMeta> = {}): KpiFigureMeta => ({
    title,
    unit,
    better,
    format: { digits },
    ...extra,
  }),
} as const;

/** A value as its metadata says (`72.4 %`, `105.0 units/h`, `3`). */
export function formatKpiValue(meta: Pick<KpiFigureMeta, 'unit' | 'format'>, value: number): string {
  const shown = meta.format.percent ? value * 100 : value;
  const text = shown.toFixed(meta.format.digits);
  return meta.unit ? `${text} ${meta.unit}` : text;
}
