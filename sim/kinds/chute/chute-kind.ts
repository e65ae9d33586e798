import { kpi } from '../../kind/kpi-meta.ts';
import { defineKind } from '../../kind/define-kind.ts';
import { CellKind } from '../../model/layout-grid.ts';
import { col } from '../../state/columns.ts';
import type { KindDef } from '../../kind/kind-def.ts';

declare module '../../events/sim-event.ts' {
  interface SimEventMap {
    /** A robot tipped a parcel into chute `chute` (its errand task ended there). */
    'parcel.sorted': { chute: number; robot: number; task: number };
  }
}

/** A sort chute (`U`): a drop point over a chute to one destination. */
export interface ChuteModel {
  readonly id: number;
  readonly node: number;
}

const CHUTE_COLUMNS = { sorted: col.i32() } as const;

/** What the chute kind's `compile` adds to the model. */
interface ChuteFields {
  /** Per roadmap node: the chute there, or -1. */
  readonly chuteOfNode: Int32Array;
  /** Nodes of the induct points (I). */
  readonly inductNodes: readonly number[];
}

/** The chute kind's typed handle: its id, columns, table and model fields. */
const chuteRows = defineKind<typeof CHUTE_COLUMNS, ChuteModel, ChuteFields>('chute', CHUTE_COLUMNS);

interface ChuteKpiAcc {
  sorted: number;
  perChute: Record<number, number>;
}

/**
 * Parcel sortation: induct points (`I`, where an operator puts a parcel on a robot) and chutes
 * (`U`, where a robot stops, tips its parcel into the chute and leaves). The parcel flow itself
 * is errand tasks (`errands`: induct, then chute, with dwells for loading and tipping); a task
 * that finishes on a chute counts as a parcel sorted there. KPIs: parcels sorted, per hour, chutes used.
 */
export const chuteKind: KindDef<undefined, ChuteModel, typeof CHUTE_COLUMNS> = {
  id: 'chute',
  legend: {
    U: { cell: CellKind.Floor, meaning: 'sort chute: a robot stops here, tips its parcel into the chute and leaves' },
    I: { cell: CellKind.Floor, meaning: 'induct point: an operator puts a parcel on the robot standing here' },
  },
  columns: CHUTE_COLUMNS,
  compile(ctx) {
    const chutes = ctx.cellsOf('U').map((cell, id) => ({ id, node: ctx.roadmap.cellNode[cell]! }));
    const inducts = ctx.cellsOf('I').map((cell) => ctx.roadmap.cellNode[cell]!);
    if (chutes.length > 0 && !ctx.spec.errands) ctx.issue('errands', 'the layout has sort chutes (U) but no errands section to bring parcels to them');
    const chuteOfNode = new Int32Array(ctx.roadmap.nodeCount).fill(-1);
    for (const c of chutes) chuteOfNode[c.node] = c.id;
    return { things: chutes, model: { chuteOfNode, inductNodes: inducts } };
  },
  stages: [
    {
      // After the errand kind's process stage (registry order): finished tasks of this tick.
      slot: 'process',
      run({ model, state }) {
        const t = chuteRows.table(state);
        if (t.count === 0) return;
        const chuteOfNode = chuteRows.fields(model).chuteOfNode;
        const events = state.events;
        const n = events.length;
        let k = n - 1;
        while (k >= 0 && events[k]!.tick === state.tick) k--;
        for (let i = k + 1; i < n; i++) {
          const e = events[i]!;
          if (e.type !== 'errand.finished') continue;
          const chute = chuteOfNode[e.node] ?? -1;
          if (chute < 0) continue;
          t.sorted[chute] = t.sorted[chute]! + 1;
          events.push({ type: 'parcel.sorted', tick: state.tick, chute, robot: e.robot, task: e.task });
        }
      },
    },
  ],
  frame: {
    fields: ['x', 'z', 'sorted'],
    write(model, state, out) {
      const t = chuteRows.table(state);
      (model.things.chute as readonly ChuteModel[]).forEach((c, i) => {
        out[i * 3] = model.roadmap.nodeX[c.node]!;
        out[i * 3 + 1] = model.roadmap.nodeZ[c.node]!;
        out[i * 3 + 2] = t.sorted[i]!;
      });
    },
  },
  observe(model, state) {
    const t = chuteRows.table(state);
    return {
      chutes: (model.things.chute as readonly ChuteModel[]).map((c) => ({ id: c.id, node: c.node, sorted: t.sorted[c.id]! })),
      inductNodes: [...chuteRows.fields(model).inductNodes],
    };
  },
  kpis: {
    create: (): ChuteKpiAcc => ({ sorted: 0, perChute: {} }),
    reduce(acc: ChuteKpiAcc, e) {
      if (e.type !== 'parcel.sorted') return;
      acc.sorted += 1;
      acc.perChute[e.chute] = (acc.perChute[e.chute] ?? 0) + 1;
    },
    meta: {
      figures: {
        parcelsSorted: kpi.count('parcels sorted'),
        parcelsPerHour: kpi.perHour('sort rate', 'parcels/h', { headline: 2 }),
        chutesUsed: kpi.count('chutes used', 'info', { detailOf: 'parcelsSorted' }),
      },
    },
    finalize: (acc: ChuteKpiAcc, sec) => ({
      parcelsSorted: acc.sorted,
      parcelsPerHour: sec > 0 ? (acc.sorted * 3600) / sec : 0,
      chutesUsed: Object.keys(acc.perChute).length,
    }),
  },
};
