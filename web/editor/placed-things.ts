import { getAt } from './editor-doc.ts';

/** A thing placed by position rather than by a layout cell: a machine, a buffer, a conveyor … */
export interface PlacedThing {
  /** Spec section it lives in (`line.machines`, `conveyors`, `arms` …) and its index there. */
  section: string;
  index: number;
  name: string;
  /** Where it is drawn, metres (x east, z south). */
  xM: number;
  zM: number;
  /** A conveyor's ends, metres, when straight. */
  ends?: { x0: number; z0: number; x1: number; z1: number };
}

/** One editable parameter of a thing: a label and its path under the thing. */
export interface ThingField {
  label: string;
  path: ReadonlyArray<string | number>;
  type: 'number' | 'text';
}

/** What each section's things are, where their position lives and which parameters the side panel edits. */
export interface ThingSection {
  section: string;
  label: string;
  /** Short mark drawn on the thing. */
  mark: string;
  color: string;
  /** Path of the position object under the thing, and its x and z keys. */
  position: ReadonlyArray<string>;
  keys: readonly [string, string];
  nameKey: string;
  fields: readonly ThingField[];
}

const num = (label: string, ...path: Array<string | number>): ThingField => ({ label, path, type: 'number' });
const text = (label: string, ...path: Array<string | number>): ThingField => ({ label, path, type: 'text' });

/** Every section of placeable things the editor knows. */
const THING_SECTIONS: readonly ThingSection[] = [
  {
    section: 'line.machines',
    label: 'machine',
    mark: 'M',
    color: '#22c55e',
    position: ['position'],
    keys: ['xM', 'zM'],
    nameKey: 'name',
    fields: [
      text('name', 'name'),
      text('from', 'from'),
      text('to', 'to'),
      num('process mean s', 'process', 'meanSec'),
      num('process fixed s', 'process', 'sec'),
      num('scrap probability', 'scrapProbability'),
    ],
  },
  {
    section: 'line.buffers',
    label: 'buffer',
    mark: 'B',
    color: '#eab308',
    position: ['position'],
    keys: ['xM', 'zM'],
    nameKey: 'name',
    fields: [text('name', 'name'), num('capacity', 'capacity')],
  },
  {
    section: 'line.sources',
    label: 'source',
    mark: '▶',
    color: '#06b6d4',
    position: ['position'],
    keys: ['xM', 'zM'],
    nameKey: 'name',
    fields: [text('name', 'name'), text('product', 'product')],
  },
  {
    section: 'line.sinks',
    label: 'sink',
    mark: '■',
    color: '#64748b',
    position: ['position'],
    keys: ['xM', 'zM'],
    nameKey: 'name',
    fields: [text('name', 'name')],
  },
  {
    section: 'arms',
    label: 'arm',
    mark: 'A',
    color: '#ec4899',
    position: ['base'],
    keys: ['xM', 'zM'],
    nameKey: 'name',
    fields: [text('name', 'name'), num('yaw °', 'base', 'yawDeg')],
  },
  {
    section: 'lineside.stands',
    label: 'stand table',
    mark: 'L',
    color: '#8b5cf6',
    position: ['table'],
    keys: ['xM', 'zM'],
    nameKey: 'id',
    fields: [text('id', 'id'), num('parts per tote', 'partsPerTote'), num('capacity', 'capacity'), num('reorder point', 'reorderPoint')],
  },
  {
    section: 'conveyors',
    label: 'conveyor',
    mark: 'C',
    color: '#0ea5e9',
    position: ['path'],
    keys: ['x', 'z'],
    nameKey: 'id',
    fields: [text('id', 'id'), num('speed m/s', 'speedMps'), num('width m', 'widthM')],
  },
];

/** The section description of a thing's section. */
export function sectionOf(section: string): ThingSection | undefined {
  return THING_SECTIONS.find((s) => s.section === section);
}

/** Every placed thing of a spec that has a position (things laid out in flow order have none). */
export function placedThings(spec: unknown): PlacedThing[] {
  const out: PlacedThing[] = [];
  for (const s of THING_SECTIONS) {
    const list = getAt(spec, s.section.split('.'));
    if (!Array.isArray(list)) continue;
    list.forEach((thing: unknown, index) => {
      const name = String(getAt(thing, [s.nameKey]) ?? `${s.label} ${index}`);
      if (s.section === 'conveyors') {
        const from = getAt(thing, ['path', 'from']) as { x?: unknown; z?: unknown } | undefined;
        const to = getAt(thing, ['path', 'to']) as { x?: unknown; z?: unknown } | undefined;
        if (typeof from?.x === 'number' && typeof from.z === 'number' && typeof to?.x === 'number' && typeof to.z === 'number') {
          out.push({ section: s.section, index, name, xM: (from.x + to.x) / 2, zM: (from.z + to.z) / 2, ends: { x0: from.x, z0: from.z, x1: to.x, z1: to.z } });
        }
        return;
      }
      const pos = getAt(thing, s.position);
      const x = getAt(pos, [s.keys[0]]);
      const z = getAt(pos, [s.keys[1]]);
      if (typeof x === 'number' && typeof z === 'number') out.push({ section: s.section, index, name, xM: x, zM: z });
    });
  }
  return out;
}

/** Things of the line (machines, buffers, sources, sinks) without a position: the page lays them out in flow order. */
export function unplacedThings(spec: unknown): Array<{ section: string; index: number; name: string }> {
  const out: Array<{ section: string; index: number; name: string }> = [];
  for (const s of THING_SECTIONS.filter((t) => t.section.startsWith('line.'))) {
    const list = getAt(spec, s.section.split('.'));
    if (!Array.isArray(list)) continue;
    list.forEach((thing: unknown, index) => {
      if (getAt(thing, s.position) === undefined) out.push({ section: s.section, index, name: String(getAt(thing, [s.nameKey]) ?? `${s.label} ${index}`) });
    });
  }
  return out;
}

/** Rounds a metre value to the editor's placement step (5 cm), as few digits as needed. */
export function snapM(value: number): number {
  return Math.round(value * 20) / 20;
}

/**
 * The changes that move a thing by (dxM, dzM): each a path under the spec and its new value.
 * A conveyor moves both of its ends.
 */
export function moveChanges(spec: unknown, thing: PlacedThing, dxM: number, dzM: number): Array<{ path: Array<string | number>; value: unknown }> {
  const s = sectionOf(thing.section)!;
  const base = [...s.section.split('.'), thing.index];
  if (thing.section === 'conveyors') {
    const path = structuredClone(getAt(spec, [...base, 'path'])) as { from: { x: number; z: number }; to: { x: number; z: number } };
    for (const end of [path.from, path.to]) {
      end.x = snapM(end.x + dxM);
      end.z = snapM(end.z + dzM);
    }
    return [{ path: [...base, 'path'], value: path }];
  }
  const pos = structuredClone(getAt(spec, [...base, ...s.position])) as Record<string, number>;
  pos[s.keys[0]] = snapM(thing.xM + dxM);
  pos[s.keys[1]] = snapM(thing.zM + dzM);
  return [{ path: [...base, ...s.position], value: pos }];
}
