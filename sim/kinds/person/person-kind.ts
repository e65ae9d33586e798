import { nodeAt } from '../../model/roadmap.ts';
import type { HasThingTables } from '../../kind/define-kind.ts';
import { personRows } from './person-columns.ts';
import type { SimModel } from '../../model/sim-model.ts';
import type { SimState } from '../../state/sim-state.ts';
import { pushContact } from '../../kind/contact-events.ts';
import type { KindDef } from '../../kind/kind-def.ts';
import type { StageContext } from '../../kind/stage-slots.ts';
import type { RobotScratch } from '../robot/index.ts';
import { compilePeople, type PersonModel } from './person-compile.ts';
import { PERSON_COLUMNS, type PersonTable } from './person-columns.ts';
import { personKpis } from './person-kpis.ts';
import { monitorPeople, samplePeople } from './person-monitor.ts';
import { peopleSpecSchema, type PeopleSpec } from './person-spec.ts';
import { walkPeople } from './walk-people.ts';

declare module '../../events/sim-event.ts' {
  interface SimEventMap {
    /** A robot came inside `people.nearMissM` of a person. */
    'person.nearMiss': { person: number; robot: number; separationM: number };
    /** People totals so far: smallest robot separation (m), near misses, robot time lost to people (s). */
    'people.sampled': { minSeparationM: number; nearMisses: number; robotSecLost: number };
  }
}

const table = (state: HasThingTables) => personRows.table(state);
const ROLE_CODE = { picker: 0, forklift: 1 } as const;

/**
 * People on the floor (pickers on foot, forklifts): spec section `people`, each walking a loop of
 * waypoints with seeded variation in speed and pauses. Their kinematic bodies meet robots (a
 * contact is `robot/person`), robots' safety fields see them (with a keep-out margin), and they
 * give way to robots. KPIs: smallest robot–person separation, near misses, robot time lost.
 */
export const personKind: KindDef<PeopleSpec, PersonModel, typeof PERSON_COLUMNS> = {
  id: 'person',
  spec: { key: 'people', schema: peopleSpecSchema, description: 'People and forklifts walking their own routes among the robots.' },
  columns: PERSON_COLUMNS,
  compile: compilePeople,
  init(t, model) {
    const p = t;
    for (const person of model.things.person as readonly PersonModel[]) {
      const i = person.id;
      p.posX[i] = person.routeX[0]!;
      p.posZ[i] = person.routeZ[0]!;
      const dx = person.routeX[1]! - p.posX[i]!;
      const dz = person.routeZ[1]! - p.posZ[i]!;
      const len = Math.sqrt(dx * dx + dz * dz);
      if (len > 1e-9) {
        p.headX[i] = dx / len;
        p.headZ[i] = dz / len;
      }
    }
  },
  layers: { person: { meets: ['robot'] } },
  buildOrder: 30,
  build(physics, model) {
    const kind = model.kinds.indexOf('person');
    for (const person of model.things.person as readonly PersonModel[]) {
      const g = person.geometry;
      const owner = { kind, id: person.id };
      physics.addBody(owner, { type: 'kinematic', x: person.routeX[0]!, y: g.heightM / 2, z: person.routeZ[0]! });
      physics.addCollider(owner, {
        halfX: g.lengthM / 2,
        halfY: g.heightM / 2,
        halfZ: g.widthM / 2,
        massKg: person.role === 'forklift' ? 3000 : 80,
        layer: 'person',
        collidesWith: ['robot'],
        kinematicContacts: true,
        contactEvents: true,
      });
    }
  },
  stages: [
    { slot: 'motion', run: ({ model, state }) => (table(state).count > 0 ? walkPeople(model, state, model.kinds.indexOf('person')) : undefined) },
    {
      slot: 'monitor',
      run: (ctx) =>
        table(ctx.state).count > 0
          ? monitorPeople(ctx.model, ctx.state, ctx.scratch<RobotScratch>('robot').safety, ctx.model.kinds.indexOf('person'))
          : undefined,
    },
    { slot: 'sample', run: ({ model, state }) => samplePeople(model, state) },
  ],
  // A robot touching a person is a `robot/person` collision, placed at the person.
  onContact(contact, ctx) {
    const p = table(ctx.state);
    const other = contact.kindA === ctx.model.kinds.indexOf('person') ? contact.idA : contact.idB;
    pushContact(ctx, contact, `${kindName(ctx, contact.kindA)}/person`, p.posX[other]!, p.posZ[other]!);
  },
  footprints: {
    write(model, state, add) {
      const p = table(state);
      const people = model.things.person as readonly PersonModel[];
      for (let i = 0; i < p.count; i++) {
        const g = people[i]!.geometry;
        // A long body (a forklift) is a row of circles as wide as it, so lanes beside it stay free.
        const r = g.widthM / 2;
        const circles = Math.max(1, Math.ceil(g.lengthM / g.widthM));
        for (let k = 0; k < circles; k++) {
          const off = circles === 1 ? 0 : -g.lengthM / 2 + r + ((g.lengthM - 2 * r) * k) / (circles - 1);
          add(i, p.posX[i]! + off * p.headX[i]!, p.posZ[i]! + off * p.headZ[i]!, Math.max(r, g.lengthM / 2 / circles), g.keepOutM);
        }
      }
    },
  },
  observe(model, state) {
    const p = table(state);
    const people = model.things.person as readonly PersonModel[];
    return { people: observePeople(model, state), blockedNodes: nodesUnderPeople(model, p, people) };
  },
  frame: {
    fields: ['x', 'z', 'headX', 'headZ', 'role', 'speedMps'],
    write(model, state, out) {
      const p = table(state);
      const people = model.things.person as readonly PersonModel[];
      for (let i = 0; i < p.count; i++) {
        const o = i * 6;
        out[o] = p.posX[i]!;
        out[o + 1] = p.posZ[i]!;
        out[o + 2] = p.headX[i]!;
        out[o + 3] = p.headZ[i]!;
        out[o + 4] = ROLE_CODE[people[i]!.role];
        out[o + 5] = p.speedMps[i]!;
      }
    },
  },
  kpis: personKpis,
};

/** What controllers see of each person: where they are, which way they walk, how big they are. */
function observePeople(model: SimModel, state: SimState): unknown[] {
  const p = table(state);
  const people = model.things.person as readonly PersonModel[];
  return Array.from({ length: p.count }, (_, i) => ({
    id: i,
    role: people[i]!.role,
    x: p.posX[i]!,
    z: p.posZ[i]!,
    headingX: p.headX[i]!,
    headingZ: p.headZ[i]!,
    speedMps: p.speedMps[i]!,
    radiusM: Math.max(people[i]!.geometry.lengthM, people[i]!.geometry.widthM) / 2,
  }));
}

/** Roadmap nodes a person's body (box corners and centre) stands on now, ascending, each once. */
function nodesUnderPeople(model: SimModel, p: PersonTable, people: readonly PersonModel[]): number[] {
  const out = new Set<number>();
  const { cols, rows } = model.grid;
  for (let i = 0; i < p.count; i++) {
    const g = people[i]!.geometry;
    for (const [a, b] of [
      [0, 0],
      [1, 1],
      [1, -1],
      [-1, 1],
      [-1, -1],
    ] as const) {
      const ax = (a * g.lengthM) / 2;
      const bz = (b * g.widthM) / 2;
      const x = p.posX[i]! + ax * p.headX[i]! - bz * p.headZ[i]!;
      const z = p.posZ[i]! + ax * p.headZ[i]! + bz * p.headX[i]!;
      const node = nodeAt(model.roadmap, cols, rows, x, z);
      if (node >= 0) out.add(node);
    }
  }
  return [...out].sort((a, b) => a - b);
}

function kindName(ctx: StageContext, kind: number): string {
  return ctx.model.kinds.kinds[kind]?.id ?? 'static';
}
