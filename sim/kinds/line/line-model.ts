import { distributionIssues, distributionMeanSec, type Distribution } from '../../rng/distributions.ts';
import { closestText } from '../../util/nearest-text.ts';
import type { LinesideSpec } from '../lineside/index.ts';
import { standCapacity } from '../lineside/index.ts';
import type { LineSpec } from './line-spec.ts';

/** A port a machine takes from or puts into: a thing of a line kind (`source`, `buffer`, `sink`, later a conveyor end), by index. */
export interface PortRef {
  readonly kind: string;
  readonly index: number;
}

/** A line thing as compiled: its index (row id), name and where it is drawn. */
export interface LineThing {
  readonly id: number;
  readonly name: string;
  readonly xM: number;
  readonly zM: number;
}

export interface SourceModel extends LineThing {
  readonly product: number;
  /** Null: unlimited supply (a unit is there whenever a machine takes one). */
  readonly interarrival: Distribution | null;
  /** The inbound line-side stand it draws parts from (index into `lineside` things), or -1. */
  readonly stand: number;
  /** Name of the conveyor whose end it draws items from, or null. */
  readonly conveyor: string | null;
  /** CONWIP cards (units of this source in the line at most; a unit is released whenever one leaves), 0 without CONWIP. */
  readonly conwipCards: number;
}

export interface BufferModel extends LineThing {
  /** Units it holds at most; 0: direct transfer (a finished unit goes only to a waiting downstream machine). */
  readonly capacity: number;
  /** Blocking before service: a feeding machine starts a unit only with a place here reserved for it (kanban). */
  readonly beforeService: boolean;
  /** Machines that put into it and take from it (indices), for direct transfer and reservations. */
  readonly feeders: readonly number[];
  readonly takers: readonly number[];
}

export interface SinkModel extends LineThing {
  /** The outbound line-side stand it puts units on (index into `lineside` things), or -1. */
  readonly stand: number;
  /** That stand's capacity in units (0 without a stand). */
  readonly standCapacity: number;
  /** Name of the conveyor whose start it puts items on, and their item type; null without one. */
  readonly conveyor: string | null;
  readonly itemType: string | null;
}

/** The compiled line of a validated spec (its `line` section and its line-side stands): what every line kind compiles from. */
export function compileLineOf(spec: Readonly<Record<string, unknown>>): { line: LineModel; issues: ReadonlyArray<[string, string]> } {
  return compileLine(spec.line as LineSpec | undefined, lineStands(spec));
}

/** The line-side stands of a validated spec, as the line refers to them. */
function lineStands(spec: Readonly<Record<string, unknown>>): StandRef[] {
  const section = spec.lineside as LinesideSpec | undefined;
  return (section?.stands ?? []).map((st) => ({ id: st.id, direction: st.direction, capacity: standCapacity(st) }));
}

/** What the line needs of the scenario's line-side stands (the `lineside` section). */
export interface StandRef {
  readonly id: string;
  readonly direction: 'in' | 'out';
  readonly capacity: number;
}

export interface MachineModel extends LineThing {
  readonly from: PortRef;
  readonly to: PortRef;
  readonly process: Distribution;
  /** Mean processing time: the ideal cycle time of the OEE performance factor. */
  readonly idealCycleSec: number;
  readonly failure: { readonly basis: 'time' | 'operations'; readonly timeToFailure: Distribution; readonly repair: Distribution } | null;
  readonly setup: { readonly time: Distribution; readonly onProductChange: boolean; readonly everyUnits: number | null } | null;
  readonly scrapProbability: number;
}

/** The compiled line: every thing by kind, in spec order, and the product names. */
export interface LineModel {
  readonly sources: readonly SourceModel[];
  readonly machines: readonly MachineModel[];
  readonly buffers: readonly BufferModel[];
  readonly sinks: readonly SinkModel[];
  readonly products: readonly string[];
  /** Warm-up, seconds: line KPIs cover only the time after it (0: the whole run). */
  readonly warmupSec: number;
  /** Whether any source releases by CONWIP cards. */
  readonly conwip: boolean;
}

/** The empty line of a scenario without a `line` section. */
export const EMPTY_LINE: LineModel = Object.freeze({ sources: [], machines: [], buffers: [], sinks: [], products: [], warmupSec: 0, conwip: false });

const memo = new WeakMap<object, { line: LineModel; issues: Array<[string, string]> }>();

/**
 * Compiles the `line` section (memoised per section object: the four line kinds share it; the
 * machine kind reports the issues). Every name is unique across the section; a `from` names a
 * source or buffer, a `to` a buffer or sink, and a bad reference is named with the nearest valid one.
 */
export function compileLine(section: LineSpec | undefined, stands: readonly StandRef[] = []): { line: LineModel; issues: ReadonlyArray<[string, string]> } {
  if (!section) return { line: EMPTY_LINE, issues: [] };
  const hit = memo.get(section);
  if (hit) return hit;
  const issues: Array<[string, string]> = [];
  const owners = new Map<string, { kind: string; index: number; path: string }>();
  const claim = (kind: string, list: ReadonlyArray<{ name: string }>, key: string) =>
    list.forEach((t, index) => {
      const path = `line.${key}[${index}]`;
      const prior = owners.get(t.name);
      if (prior) issues.push([`${path}.name`, `"${t.name}" is already the name of ${prior.path}`]);
      else owners.set(t.name, { kind, index, path });
    });
  claim('source', section.sources, 'sources');
  claim('buffer', section.buffers, 'buffers');
  claim('machine', section.machines, 'machines');
  claim('sink', section.sinks, 'sinks');
  // Direct transfer: a machine named as another's `from`/`to` is joined to it by an implicit buffer of capacity 0, named `UP>DOWN`.
  const links: Array<{ up: string; down: string; path: string }> = [];
  const linkIndex = (up: string, down: string, path: string): number => {
    let k = links.findIndex((l) => l.up === up && l.down === down);
    if (k < 0) k = links.push({ up, down, path }) - 1;
    return section.buffers.length + k;
  };
  const resolve = (name: string, kinds: readonly string[], path: string, what: string, self?: { name: string; side: 'from' | 'to' }): PortRef => {
    const owner = owners.get(name);
    if (owner && kinds.includes(owner.kind)) return { kind: owner.kind, index: owner.index };
    if (owner?.kind === 'machine' && self && name !== self.name) {
      return { kind: 'buffer', index: self.side === 'to' ? linkIndex(self.name, name, path) : linkIndex(name, self.name, path) };
    }
    const valid = [...owners].filter(([, o]) => kinds.includes(o.kind)).map(([n]) => n);
    const near = closestText(name, valid);
    const is = owner ? ` ("${name}" is a ${owner.kind})` : '';
    issues.push([path, `no ${what} named "${name}"${is}; ${near ? `did you mean "${near}"?` : `there is no ${what}`}`]);
    return { kind: kinds[0]!, index: 0 };
  };
  const checkDist = (d: Distribution, path: string) => {
    for (const [field, message] of distributionIssues(d)) issues.push([`${path}.${field}`, message]);
  };
  const products: string[] = [];
  for (const s of section.sources) if (!products.includes(s.product)) products.push(s.product);
  const machines = section.machines.map((m, id) => {
    const path = `line.machines[${id}]`;
    checkDist(m.process, `${path}.process`);
    if (m.failure) {
      checkDist(m.failure.timeToFailure, `${path}.failure.timeToFailure`);
      checkDist(m.failure.repair, `${path}.failure.repair`);
    }
    if (m.setup) checkDist(m.setup.time, `${path}.setup.time`);
    return {
      id,
      name: m.name,
      from: resolve(m.from, ['source', 'buffer'], `${path}.from`, 'source or buffer', { name: m.name, side: 'from' }),
      to: resolve(m.to, ['buffer', 'sink'], `${path}.to`, 'buffer or sink', { name: m.name, side: 'to' }),
      process: m.process,
      idealCycleSec: distributionMeanSec(m.process),
      failure: m.failure ?? null,
      setup: m.setup ? { time: m.setup.time, onProductChange: m.setup.onProductChange, everyUnits: m.setup.everyUnits ?? null } : null,
      scrapProbability: m.scrapProbability,
      xM: 0,
      zM: 0,
    };
  });
  links.forEach((l, k) => {
    const index = section.buffers.length + k;
    const up = section.machines.findIndex((m) => m.name === l.up);
    const down = section.machines.findIndex((m) => m.name === l.down);
    if (machines[up]!.to.kind !== 'buffer' || machines[up]!.to.index !== index)
      issues.push([`line.machines[${up}].to`, `"${l.down}" takes its units directly from "${l.up}" (its from), so "${l.up}" must put them to "${l.down}"`]);
    if (machines[down]!.from.kind !== 'buffer' || machines[down]!.from.index !== index)
      issues.push([`line.machines[${down}].from`, `"${l.up}" puts its units directly to "${l.down}" (its to), so "${l.down}" must take them from "${l.up}"`]);
  });
  section.buffers.forEach((b, i) => {
    const path = `line.buffers[${i}]`;
    if (b.capacity === undefined && !b.kanban) issues.push([`${path}.capacity`, 'a buffer needs a capacity (0 for direct transfer) or kanban cards']);
    if (b.capacity !== undefined && b.kanban)
      issues.push([`${path}.kanban`, 'give capacity or kanban.cards, not both: a kanban buffer holds at most its cards']);
    if (b.kanban && b.blocking === 'after-service')
      issues.push([`${path}.blocking`, 'a kanban buffer blocks before service: its cards bound the units in the upstream machine and the buffer together']);
  });
  section.sources.forEach((s, i) => {
    if (s.conwip && (s.interarrival || s.stand !== undefined || s.conveyor !== undefined))
      issues.push([`line.sources[${i}].conwip`, 'a CONWIP source releases by its cards: it has no interarrival, line-side stand or conveyor']);
  });
  section.sources.forEach((s, i) => s.interarrival && checkDist(s.interarrival, `line.sources[${i}].interarrival`));
  const standOf = (id: string | undefined, direction: 'in' | 'out', path: string): number => {
    if (id === undefined) return -1;
    const index = stands.findIndex((st) => st.id === id && st.direction === direction);
    if (index >= 0) return index;
    const valid = stands.filter((st) => st.direction === direction).map((st) => st.id);
    const near = closestText(id, valid);
    issues.push([
      path,
      `no ${direction === 'in' ? 'inbound' : 'outbound'} line-side stand "${id}"; ${near ? `did you mean "${near}"?` : `lineside.stands has none with direction "${direction}"`}`,
    ]);
    return -1;
  };
  section.sources.forEach((s, i) => {
    if ((s.stand !== undefined ? 1 : 0) + (s.conveyor !== undefined ? 1 : 0) + (s.interarrival ? 1 : 0) > 1)
      issues.push([`line.sources[${i}]`, 'a source has one supply: an interarrival, a line-side stand or a conveyor']);
    if (s.stand !== undefined && s.interarrival)
      issues.push([
        `line.sources[${i}].interarrival`,
        'a source fed by a line-side stand has no interarrival: it releases a unit whenever the stand has a part',
      ]);
  });
  const spots = layoutLine(section, machines);
  const place = (kind: string, index: number, given: { xM: number; zM: number } | undefined) => given ?? spots.get(`${kind}:${index}`)!;
  const placed = new Map(section.machines.map((m, i) => [m.name, place('machine', i, m.position)] as const));
  const portsOf = (b: number) => ({
    feeders: machines.flatMap((m) => (m.to.kind === 'buffer' && m.to.index === b ? [m.id] : [])),
    takers: machines.flatMap((m) => (m.from.kind === 'buffer' && m.from.index === b ? [m.id] : [])),
  });
  const line: LineModel = {
    sources: section.sources.map((s, id) => ({
      id,
      name: s.name,
      product: products.indexOf(s.product),
      interarrival: s.interarrival ?? null,
      stand: standOf(s.stand, 'in', `line.sources[${id}].stand`),
      conveyor: s.conveyor ?? null,
      conwipCards: s.conwip?.cards ?? 0,
      ...place('source', id, s.position),
    })),
    buffers: [
      ...section.buffers.map((b, id) => ({
        id,
        name: b.name,
        capacity: b.kanban?.cards ?? b.capacity ?? 0,
        beforeService: b.kanban !== undefined || b.blocking === 'before-service',
        ...portsOf(id),
        ...place('buffer', id, b.position),
      })),
      ...links.map((l, k) => {
        const id = section.buffers.length + k;
        const a = placed.get(l.up)!;
        const b = placed.get(l.down)!;
        return { id, name: `${l.up}>${l.down}`, capacity: 0, beforeService: false, ...portsOf(id), xM: (a.xM + b.xM) / 2, zM: (a.zM + b.zM) / 2 };
      }),
    ],
    machines: machines.map((m) => ({ ...m, ...place('machine', m.id, section.machines[m.id]!.position) })),
    sinks: section.sinks.map((s, id) => {
      const stand = standOf(s.stand, 'out', `line.sinks[${id}].stand`);
      if ((s.conveyor === undefined) !== (s.itemType === undefined))
        issues.push([
          `line.sinks[${id}].${s.conveyor === undefined ? 'conveyor' : 'itemType'}`,
          'a sink that puts units on a conveyor needs both conveyor and itemType',
        ]);
      return {
        id,
        name: s.name,
        stand,
        standCapacity: stand >= 0 ? stands[stand]!.capacity : 0,
        conveyor: s.conveyor ?? null,
        itemType: s.itemType ?? null,
        ...place('sink', id, s.position),
      };
    }),
    products,
    warmupSec: section.warmupSec ?? 0,
    conwip: section.sources.some((s) => s.conwip !== undefined),
  };
  const out = { line, issues };
  memo.set(section, out);
  return out;
}

/**
 * Default drawing positions: each thing's column is its longest distance (in hops) from a
 * source along `from → machine → to`, 2 m apart; things sharing a column are stacked 2 m apart.
 */
function layoutLine(section: LineSpec, machines: ReadonlyArray<{ from: PortRef; to: PortRef }>): Map<string, { xM: number; zM: number }> {
  const rank = new Map<string, number>();
  section.sources.forEach((_, i) => rank.set(`source:${i}`, 0));
  for (let pass = 0; pass < machines.length + 1; pass++) {
    let changed = false;
    machines.forEach((m, i) => {
      const r = (rank.get(`${m.from.kind}:${m.from.index}`) ?? 0) + 1;
      if ((rank.get(`machine:${i}`) ?? -1) < r) rank.set(`machine:${i}`, r), (changed = true);
      if ((rank.get(`${m.to.kind}:${m.to.index}`) ?? -1) < r + 1)
        rank.set(`${m.to.kind}:${m.to.index}`, Math.min(r + 1, 4 * machines.length)), (changed = true);
    });
    if (!changed) break;
  }
  const stack = new Map<number, number>();
  const out = new Map<string, { xM: number; zM: number }>();
  const keys = [
    ...section.sources.map((_, i) => `source:${i}`),
    ...section.machines.map((_, i) => `machine:${i}`),
    ...section.buffers.map((_, i) => `buffer:${i}`),
    ...section.sinks.map((_, i) => `sink:${i}`),
  ];
  for (const key of keys) {
    const r = rank.get(key) ?? 0;
    const row = stack.get(r) ?? 0;
    stack.set(r, row + 1);
    out.set(key, { xM: 1.5 + 2 * r, zM: 1.5 + 2 * row });
  }
  return out;
}
