import type { KindDef, KindKpis } from '../kind/kind-def.ts';
import type { KindRegistry } from '../kind/kind-registry.ts';
import { FLEET_KPI_META } from './fleet-kpi-meta.ts';
import type { KpiFigureMeta } from '../kind/kpi-meta.ts';
import type { Kpis } from './kpis.ts';

/** How many things of each kind a scenario has, by kind id (kinds with none may be absent). */
export type ThingCounts = Readonly<Record<string, number>>;

/** One figure of a scenario's KPIs: its meaning and where it is in the {@link Kpis} object. */
export interface KpiDescriptor extends KpiFigureMeta {
  /** Its path in `Kpis`: `throughputPerHour`, `collisions.total`, `things.sink.throughputPerHour`, `things.machine.M1.oee`. */
  readonly key: string;
  /** The kind that reports it, or null for the fleet's own figures. */
  readonly kind: string | null;
  /** For a per-thing figure: the thing's name (`M1`). */
  readonly thing?: string;
  /** For a per-thing figure: the row its figures share (`machine M1`). */
  readonly group?: string;
  /** Its value in `k`, or undefined where `k` does not have it. */
  read(k: Kpis): number | undefined;
}

/** A descriptor as plain data with its value (the `--json` output's `kpiMeta` and `headline`). */
export interface KpiReading {
  readonly key: string;
  readonly kind: string | null;
  readonly title: string;
  readonly unit: string;
  readonly better: KpiFigureMeta['better'];
  readonly format: KpiFigureMeta['format'];
  readonly headline?: number;
  readonly value: number;
}

/** Thing counts of a compiled model (or anything with its `things`). */
export function thingCountsOf(model: { readonly things: Readonly<Record<string, readonly unknown[]>> }): Record<string, number> {
  return Object.fromEntries(
    Object.entries(model.things)
      .filter(([, list]) => list.length > 0)
      .map(([kind, list]) => [kind, list.length]),
  );
}

function readPath(k: Kpis, path: readonly string[]): number | undefined {
  let at: unknown = k;
  for (const part of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return typeof at === 'number' ? at : undefined;
}

function fleetDescriptors(counts: ThingCounts): KpiDescriptor[] {
  const has = (kind: string) => (counts[kind] ?? 0) > 0;
  return FLEET_KPI_META.filter((f) => f.present(has)).map((f) => {
    const path = f.path.split('.');
    return { ...f.meta, key: f.path, kind: null, read: (k: Kpis) => readPath(k, path) };
  });
}

function kindDescriptor(kind: KindDef, figure: string, meta: KpiFigureMeta, thing?: string): KpiDescriptor {
  const detailOf = meta.detailOf !== undefined ? `things.${kind.id}.${thing !== undefined ? `${thing}.` : ''}${meta.detailOf}` : undefined;
  const perThing = thing !== undefined ? { thing, group: `${kind.kpis?.meta.thing ?? kind.id} ${thing}` } : {};
  const id = kind.id;
  return { ...meta, ...(detailOf ? { detailOf } : {}), key: `things.${id}.${figure}`, kind: id, ...perThing, read: (k: Kpis) => k.things?.[id]?.[figure] };
}

/** Metadata of figure `figure` of a kind's section, or undefined when its `meta` does not declare it. */
export function figureMetaOf(kpis: KindKpis, figure: string): { meta: KpiFigureMeta; thing?: string } | undefined {
  const m = kpis.meta;
  const own = m.figures[figure];
  if (own) return { meta: own };
  const dot = figure.lastIndexOf('.');
  const perThing = dot > 0 ? m.perThing?.[figure.slice(dot + 1)] : undefined;
  if (perThing) return { meta: perThing, thing: figure.slice(0, dot) };
  if (m.other) return { meta: { ...m.other, title: `${figure} ${m.other.title}`.trim() } };
  return undefined;
}

/**
 * The figures a scenario with these things reports, in report order: the fleet's (those its
 * things make meaningful: no orders without pick stations, no distance without robots), then each
 * kind's with things, in registry order. Without `kpis`, a kind's declared figures (per-thing and
 * run-time names need the KPIs: pass them to get those too); with `kpis`, exactly the figures
 * its section has (a kind whose reducer reported nothing has none).
 */
export function kpiCatalogue(kinds: KindRegistry, counts: ThingCounts, kpis?: Kpis): KpiDescriptor[] {
  const out = fleetDescriptors(counts);
  for (const kind of kinds.kinds) {
    if (!kind.kpis || (counts[kind.id] ?? 0) === 0) continue;
    if (kpis) {
      const own: KpiDescriptor[] = [];
      const perThing = new Map<string, KpiDescriptor[]>();
      for (const figure of Object.keys(kpis.things?.[kind.id] ?? {})) {
        const found = figureMetaOf(kind.kpis, figure);
        const meta = found?.meta ?? { title: figure, unit: '', better: 'info' as const, format: { digits: 2 } };
        const d = kindDescriptor(kind, figure, meta, found?.thing);
        if (found?.thing === undefined) own.push(d);
        else perThing.set(found.thing, [...(perThing.get(found.thing) ?? []), d]);
      }
      // A thing's figures in the order its kind declares them (a machine's units and OEE before its state shares).
      const order = Object.keys(kind.kpis.meta.perThing ?? {});
      const rank = (d: KpiDescriptor) => order.indexOf(d.key.slice(d.key.lastIndexOf('.') + 1));
      out.push(...own, ...[...perThing.values()].flatMap((list) => [...list].sort((x, y) => rank(x) - rank(y))));
    } else {
      for (const [figure, meta] of Object.entries(kind.kpis.meta.figures)) out.push(kindDescriptor(kind, figure, meta));
    }
  }
  return out;
}

/**
 * A scenario's headline KPIs, what a gate should watch: the figures with the smallest `headline`
 * precedence among those it has (a line: units/h and the bottleneck's OEE; sortation: parcels/h;
 * a warehouse: orders/h). Empty only for a scenario with none (no orders, no line, no sorting).
 */
export function headlineKpisOf(model: { readonly kinds: KindRegistry; readonly things: Readonly<Record<string, readonly unknown[]>> }): KpiDescriptor[] {
  return headlineOf(kpiCatalogue(model.kinds, thingCountsOf(model)));
}

/** The headline figures of a catalogue (see {@link headlineKpisOf}). */
export function headlineOf(catalogue: readonly KpiDescriptor[]): KpiDescriptor[] {
  const ranked = catalogue.filter((d) => d.headline !== undefined);
  if (ranked.length === 0) return [];
  const best = Math.min(...ranked.map((d) => d.headline!));
  // Rates first (a line's units/h before its OEE): the first is the one to quote alone.
  const rate = (d: KpiDescriptor) => (d.unit.endsWith('/h') ? 0 : 1);
  return ranked.filter((d) => d.headline === best).sort((a, b) => rate(a) - rate(b));
}

/** Descriptors with their values in `k` (figures `k` lacks are left out): the JSON's metadata section. */
export function kpiReadings(catalogue: readonly KpiDescriptor[], k: Kpis): KpiReading[] {
  return catalogue.flatMap((d) => {
    const value = d.read(k);
    if (value === undefined) return [];
    return [
      {
        key: d.key,
        kind: d.kind,
        title: d.thing !== undefined ? `${d.thing} ${d.title}` : d.title,
        unit: d.unit,
        better: d.better,
        format: d.format,
        ...(d.headline !== undefined ? { headline: d.headline } : {}),
        value,
      },
    ];
  });
}
