import { col, type ThingTable } from '../../state/columns.ts';
import { defineKind } from '../../kind/define-kind.ts';

/** The person table, indexed by person id (order of `people.walkers`). Headings are unit vectors. */
export const PERSON_COLUMNS = {
  posX: col.f64(), // metres
  posZ: col.f64(), // metres
  headX: col.f64(1), // unit heading, x component
  headZ: col.f64(), // unit heading, z component
  speedMps: col.f64(), // current walking speed
  target: col.i32(1), // index of the waypoint walked to
  dir: col.i32(1), // +1 along the route, -1 walking it backwards (after giving way too long)
  leg: col.i32(), // legs started so far (keys the seeded variation of each leg)
  legSpeedMps: col.f64(), // this leg's speed (0: not drawn yet)
  pauseTicksLeft: col.i32(), // ticks still to pause at the waypoint reached
  waitTicks: col.i32(), // consecutive ticks spent giving way to something ahead
  minSepM: col.f64(1e6), // smallest robot separation seen, metres
  nearMisses: col.i32(), // near misses with robots
  near: col.list(), // robots inside the near-miss distance now
  robotTicksLost: col.i32(), // robot-ticks robots were slowed or held by this person
} as const;

export type PersonTable = ThingTable<typeof PERSON_COLUMNS>;

/** The person kind's typed handle: its id, columns and table. */
export const personRows = defineKind<typeof PERSON_COLUMNS, never, { readonly personNearMissM: number }>('person', PERSON_COLUMNS);
