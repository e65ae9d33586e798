import { getAt } from './editor-doc.ts';
import { snapM } from './placed-things.ts';

/** Sections a planner can add a thing to from the editor, with the label on the Add picker. */
export const ADDABLE: ReadonlyArray<{ section: string; label: string }> = [
  { section: 'line.machines', label: 'machine' },
  { section: 'line.buffers', label: 'buffer' },
  { section: 'line.sources', label: 'source' },
  { section: 'line.sinks', label: 'sink' },
  { section: 'conveyors', label: 'conveyor (straight, 2 m)' },
];

/** Names already used by the things of a section. */
function namesIn(spec: unknown, section: string, key: string): Set<string> {
  const list = getAt(spec, section.split('.'));
  return new Set(Array.isArray(list) ? list.map((t: unknown) => String(getAt(t, [key]))) : []);
}

/** The first free name `prefix1`, `prefix2` … of a section. */
function freeName(spec: unknown, section: string, key: string, prefix: string): string {
  const used = namesIn(spec, section, key);
  for (let i = 1; ; i++) if (!used.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

/**
 * A new thing for a section at (xM, zM): the change that appends it (path and value) and its
 * index. A new machine takes from the first source and puts to the first sink when there are
 * any (the planner rewires it in the side panel; a bad name is a problem the check names).
 */
export function newThing(spec: unknown, section: string, xM: number, zM: number): { path: Array<string | number>; value: unknown; index: number } {
  const list = getAt(spec, section.split('.'));
  const index = Array.isArray(list) ? list.length : 0;
  const position = { xM: snapM(xM), zM: snapM(zM) };
  const first = (s: string) => {
    const l = getAt(spec, ['line', s]);
    return Array.isArray(l) && l.length > 0 ? String(getAt(l[0], ['name'])) : undefined;
  };
  let value: unknown;
  switch (section) {
    case 'line.machines':
      value = {
        name: freeName(spec, section, 'name', 'M'),
        from: first('sources') ?? 'SRC',
        to: first('sinks') ?? 'SINK',
        process: { dist: 'fixed', sec: 20 },
        position,
      };
      break;
    case 'line.buffers':
      value = { name: freeName(spec, section, 'name', 'B'), capacity: 4, position };
      break;
    case 'line.sources':
      value = { name: freeName(spec, section, 'name', 'SRC'), product: 'A', position };
      break;
    case 'line.sinks':
      value = { name: freeName(spec, section, 'name', 'SINK'), position };
      break;
    case 'conveyors':
      value = {
        id: freeName(spec, section, 'id', 'C'),
        path: { from: { x: snapM(xM - 1), z: snapM(zM) }, to: { x: snapM(xM + 1), z: snapM(zM) } },
        widthM: 0.3,
        heightM: 0.75,
        speedMps: 0.3,
      };
      break;
    default:
      throw new Error(`cannot add a thing to ${section}`);
  }
  return { path: [...section.split('.'), index], value, index };
}

/** A straight conveyor's path turned 90° clockwise (seen from above) about its middle, in 5 cm steps. */
export function rotatedPath(path: { from: { x: number; z: number }; to: { x: number; z: number } }): {
  from: { x: number; z: number };
  to: { x: number; z: number };
} {
  const cx = (path.from.x + path.to.x) / 2;
  const cz = (path.from.z + path.to.z) / 2;
  // x east, z south: clockwise on the page maps (dx, dz) to (-dz, dx).
  const turn = (p: { x: number; z: number }) => ({ x: snapM(cx - (p.z - cz)), z: snapM(cz + (p.x - cx)) });
  return { ...path, from: turn(path.from), to: turn(path.to) };
}
