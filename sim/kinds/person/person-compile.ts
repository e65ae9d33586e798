import { CellKind } from '../../model/layout-grid.ts';
import type { KindCompileContext } from '../../kind/kind-def.ts';
import type { PeopleSpec, PersonRole } from './person-spec.ts';

/** Body and behaviour of a role: box size (metres), default speed and pause, how far ahead it looks, what robots keep clear. */
export interface RoleGeometry {
  lengthM: number;
  widthM: number;
  heightM: number;
  speedMps: number;
  pauseSec: number;
  /** A person gives way to a robot or person closer than this ahead (metres, body to body). */
  lookAheadM: number;
  /** Extra distance robots stop short of this body (metres): their people-protective field. */
  keepOutM: number;
}

const ROLE_GEOMETRY: Readonly<Record<PersonRole, RoleGeometry>> = Object.freeze({
  picker: { lengthM: 0.5, widthM: 0.5, heightM: 1.75, speedMps: 1.2, pauseSec: 8, lookAheadM: 0.6, keepOutM: 0.5 },
  forklift: { lengthM: 1.8, widthM: 0.9, heightM: 2.1, speedMps: 1.8, pauseSec: 3, lookAheadM: 1.5, keepOutM: 0.8 },
});

/** A person as compiled. */
export interface PersonModel {
  id: number;
  role: PersonRole;
  /** Waypoints in metres. */
  routeX: readonly number[];
  routeZ: readonly number[];
  speedMps: number;
  pauseSec: number;
  variation: number;
  geometry: RoleGeometry;
}

/** People from `people.walkers`: waypoints in metres, each on the floor, every leg clear of walls. */
export function compilePeople(ctx: KindCompileContext<PeopleSpec>): { things: PersonModel[]; model: { personNearMissM: number } } {
  const section = ctx.section;
  if (!section) return { things: [], model: { personNearMissM: 0.25 } };
  const { grid } = ctx;
  const cellM = grid.cellM;
  const people: PersonModel[] = [];
  section.walkers.forEach((w, id) => {
    const xs: number[] = [];
    const zs: number[] = [];
    w.route.forEach((p, k) => {
      const path = `people.walkers[${id}].route[${k}]`;
      const x = 'row' in p ? (p.col + 0.5) * cellM : p.xM;
      const z = 'row' in p ? (p.row + 0.5) * cellM : p.zM;
      const col = Math.floor(x / cellM);
      const row = Math.floor(z / cellM);
      if (col >= grid.cols || row >= grid.rows) return ctx.issue(path, `point (${x} m, ${z} m) is outside the ${grid.rows}×${grid.cols} layout`);
      if (grid.kinds[row * grid.cols + col] === CellKind.Wall) return ctx.issue(path, `cell (row ${row}, col ${col}) is a wall (#); people walk on the floor`);
      xs.push(x);
      zs.push(z);
    });
    if (xs.length !== w.route.length) return;
    for (let k = 0; k < xs.length; k++) {
      const n = (k + 1) % xs.length;
      const wall = firstWallOnSegment(ctx, xs[k]!, zs[k]!, xs[n]!, zs[n]!);
      if (wall) ctx.issue(`people.walkers[${id}].route[${n}]`, `the leg from waypoint ${k} to ${n} crosses a wall at cell (row ${wall.row}, col ${wall.col})`);
    }
    const geometry = ROLE_GEOMETRY[w.role];
    people.push({
      id,
      role: w.role,
      routeX: xs,
      routeZ: zs,
      speedMps: w.speedMps ?? geometry.speedMps,
      pauseSec: w.pauseSec ?? geometry.pauseSec,
      variation: w.variation ?? 0.2,
      geometry,
    });
  });
  return { things: people, model: { personNearMissM: section.nearMissM ?? 0.25 } };
}

/** The first wall cell a straight leg passes through (sampled every 5 cm), or null. */
function firstWallOnSegment(ctx: KindCompileContext<PeopleSpec>, x0: number, z0: number, x1: number, z1: number): { row: number; col: number } | null {
  const { grid } = ctx;
  const len = Math.sqrt((x1 - x0) ** 2 + (z1 - z0) ** 2);
  const steps = Math.max(1, Math.ceil(len / 0.05));
  for (let s = 0; s <= steps; s++) {
    const col = Math.floor((x0 + ((x1 - x0) * s) / steps) / grid.cellM);
    const row = Math.floor((z0 + ((z1 - z0) * s) / steps) / grid.cellM);
    if (grid.kinds[row * grid.cols + col] === CellKind.Wall) return { row, col };
  }
  return null;
}
