import { CellKind } from '../../model/layout-grid.ts';
import { robotRows } from '../robot/index.ts';
import { defineKind, type HasThingTables } from '../../kind/define-kind.ts';
import type { SimModel } from '../../model/sim-model.ts';
import { col } from '../../state/columns.ts';
import { pushContact } from '../../kind/contact-events.ts';
import { KindIndex } from '../../kind/kind-index.ts';
import type { KindDef, ScriptedHandler } from '../../kind/kind-def.ts';
import type { StageContext } from '../../kind/stage-slots.ts';
import { itemDropSchema, nodeBlockSchema, type ItemDropEvent, type NodeBlockEvent } from '../fault/index.ts';
import { logFaultBegan } from '../fault/index.ts';

/** Size of a dropped item's body (metres, kilograms): a tote, or a pod's fallen shelf section. */
const ITEM_BODY = { tote: { sizeM: 0.6, heightM: 0.35, massKg: 15 }, pod: { sizeM: 0.9, heightM: 0.5, massKg: 120 } } as const;
/** Where an item's body waits before it falls and after it is cleared: under the floor, out of everything's way. */
const PARKED_Y = -3;
/** Height an item falls from. */
const DROP_Y = 0.6;
/** Seconds a dropped item is simulated as a dynamic body before it is fixed where it came to rest. */
const SETTLE_SEC = 1.5;

/** One obstruction: a blocked cell, or an item that falls there. */
export interface ObstructionModel {
  id: number;
  /** Index in `spec.events`. */
  event: number;
  kind: 'node.block' | 'item.drop';
  item: 'tote' | 'pod' | null;
  node: number;
  x: number;
  z: number;
  durationTicks: number | null;
}

/** Obstruction phases (stable numbers: hashed). */
const ObstructionPhase = { Idle: 0, Falling: 1, Settling: 2, Resting: 3, Leaving: 4, Blocking: 5 } as const;

const COLUMNS = {
  phase: col.u8(), // ObstructionPhase
  untilTick: col.i32(-1), // tick it is cleared, or -1 (never, or not yet started)
  settleTicksLeft: col.i32(),
} as const;

/** The obstruction kind's typed handle: its id, columns and table. */
const obstructionRows = defineKind('obstruction', COLUMNS);
const table = (state: HasThingTables) => obstructionRows.table(state);
const things = (model: SimModel) => model.things.obstruction as readonly ObstructionModel[];
const active = (phase: number) => phase !== ObstructionPhase.Idle;

function rowOf(ctx: StageContext, event: object): number {
  return things(ctx.model).findIndex((o) => ctx.model.spec.events[o.event] === event);
}

function start(ctx: StageContext, row: number, kind: string, durationSec: number | undefined): void {
  const o = things(ctx.model)[row]!;
  const t = table(ctx.state);
  t.untilTick[row] = o.durationTicks === null ? -1 : ctx.state.tick + o.durationTicks;
  logFaultBegan(ctx, kind, durationSec ?? Math.max(0, (ctx.model.horizonTicks - ctx.state.tick) / ctx.model.hz), o.node, o.node);
}

const nodeBlock: ScriptedHandler<NodeBlockEvent> = {
  schema: nodeBlockSchema,
  fire(event, ctx) {
    const row = rowOf(ctx, event);
    if (row < 0 || active(table(ctx.state).phase[row]!)) return;
    table(ctx.state).phase[row] = ObstructionPhase.Blocking;
    start(ctx, row, event.kind, event.durationSec);
  },
};

const itemDrop: ScriptedHandler<ItemDropEvent> = {
  schema: itemDropSchema,
  fire(event, ctx) {
    const row = rowOf(ctx, event);
    if (row < 0 || active(table(ctx.state).phase[row]!)) return;
    const o = things(ctx.model)[row]!;
    const kind = ctx.model.kinds.indexOf('obstruction');
    ctx.state.physics.makeKinematic(kind, row);
    ctx.state.physics.setNextTranslation(kind, row, o.x, DROP_Y, o.z);
    table(ctx.state).phase[row] = ObstructionPhase.Falling;
    start(ctx, row, event.kind, event.clearAfterSec);
  },
};

/**
 * Settle-slot stage: an item raised into place falls as a dynamic body, settles and is fixed where
 * it lies; an item being cleared is parked under the floor again. Scripted-slot stage: obstructions
 * whose time is up clear (`fault.ended`).
 */
function settle({ model, state }: StageContext): void {
  const t = table(state);
  const kind = model.kinds.indexOf('obstruction');
  for (let k = 0; k < t.count; k++) {
    const phase = t.phase[k]!;
    if (phase === ObstructionPhase.Falling) {
      state.physics.makeDynamic(kind, k);
      t.phase[k] = ObstructionPhase.Settling;
      t.settleTicksLeft[k] = Math.round(SETTLE_SEC * model.hz);
    } else if (phase === ObstructionPhase.Settling) {
      t.settleTicksLeft[k] = t.settleTicksLeft[k]! - 1;
      if (t.settleTicksLeft[k]! <= 0) {
        state.physics.makeFixed(kind, k);
        t.phase[k] = ObstructionPhase.Resting;
      }
    } else if (phase === ObstructionPhase.Leaving) {
      state.physics.makeFixed(kind, k);
      t.phase[k] = ObstructionPhase.Idle;
    }
  }
}

function clear({ model, state }: StageContext): void {
  const t = table(state);
  const kind = model.kinds.indexOf('obstruction');
  for (let k = 0; k < t.count; k++) {
    if (!active(t.phase[k]!) || t.phase[k] === ObstructionPhase.Leaving || t.untilTick[k] !== state.tick) continue;
    const o = things(model)[k]!;
    if (o.kind === 'item.drop') {
      state.physics.makeKinematic(kind, k);
      state.physics.setNextTranslation(kind, k, o.x, PARKED_Y, o.z);
      t.phase[k] = ObstructionPhase.Leaving;
    } else {
      t.phase[k] = ObstructionPhase.Idle;
    }
    t.untilTick[k] = -1;
    state.events.push({ type: 'fault.ended', tick: state.tick, fault: o.kind, target: o.node });
  }
}

/**
 * Obstructions on the floor: `node.block` closes a cell (a spill, maintenance) and `item.drop`
 * drops a tote or pod there as a real dynamic body (meeting robots: `robot/obstruction` contacts).
 * While present each is an obstacle robots' safety fields stop for and a node the observation lists
 * as blocked (`things.obstruction.blockedNodes`), until it is cleared. One row per such event.
 */
export const obstructionKind: KindDef<undefined, ObstructionModel, typeof COLUMNS> = {
  id: 'obstruction',
  columns: COLUMNS,
  compile(ctx) {
    const hz = (ctx.spec.physics as { hz: number }).hz;
    // The validated timeline: these two kinds parsed by their schemas, the others passed over here.
    const events = (ctx.spec.events ?? []) as ReadonlyArray<NodeBlockEvent | ItemDropEvent>;
    const out: ObstructionModel[] = [];
    events.forEach((e, index) => {
      if (e.kind !== 'node.block' && e.kind !== 'item.drop') return;
      const ev = e;
      const { row, col } = ev.cell;
      if (row >= ctx.grid.rows || col >= ctx.grid.cols)
        return ctx.issue(`events[${index}].cell`, `cell (row ${row}, col ${col}) is outside the ${ctx.grid.rows}×${ctx.grid.cols} layout`);
      const cell = row * ctx.grid.cols + col;
      const node = ctx.roadmap.cellNode[cell]!;
      if (ctx.grid.kinds[cell] === CellKind.Wall || node < 0)
        return ctx.issue(`events[${index}].cell`, `cell (row ${row}, col ${col}) is a wall; obstructions are on the floor`);
      const durationSec = ev.kind === 'item.drop' ? ev.clearAfterSec : ev.durationSec;
      out.push({
        id: out.length,
        event: index,
        kind: ev.kind,
        item: ev.kind === 'item.drop' ? ev.item : null,
        node,
        x: ctx.roadmap.nodeX[node]!,
        z: ctx.roadmap.nodeZ[node]!,
        durationTicks: durationSec === undefined ? null : Math.max(1, Math.round(durationSec * hz)),
      });
    });
    return { things: out };
  },
  layers: { obstruction: { meets: ['robot', 'obstruction'] } },
  build(physics, model) {
    const kind = model.kinds.indexOf('obstruction');
    for (const o of things(model)) {
      if (!o.item) continue;
      const body = ITEM_BODY[o.item];
      physics.addBody({ kind, id: o.id }, { type: 'fixed', x: o.x, y: PARKED_Y, z: o.z });
      physics.addCollider(
        { kind, id: o.id },
        {
          halfX: body.sizeM / 2,
          halfY: body.heightM / 2,
          halfZ: body.sizeM / 2,
          massKg: body.massKg,
          layer: 'obstruction',
          collidesWith: ['robot', 'obstruction'],
          kinematicContacts: true,
          contactEvents: true,
        },
      );
      // Its own patch of floor to land on (the world's floor meets only the layers that declare it).
      physics.addFixedCollider(
        { kind, id: o.id },
        { halfX: 0.5, halfY: 0.05, halfZ: 0.5, x: o.x, y: -0.05, z: o.z, layer: 'obstruction', collidesWith: ['obstruction'] },
      );
    }
  },
  stages: [
    { slot: 'settle', run: (ctx) => (table(ctx.state).count > 0 ? settle(ctx) : undefined) },
    { slot: 'scripted', run: (ctx) => (table(ctx.state).count > 0 ? clear(ctx) : undefined) },
  ],
  scripted: { 'node.block': nodeBlock, 'item.drop': itemDrop },
  // A robot touching a dropped item is a `robot/obstruction` collision (placed at the robot); an item on its own patch of floor is none.
  onContact(contact, ctx) {
    if (contact.kindA !== KindIndex.Robot) return;
    pushContact(ctx, contact, 'robot/obstruction', robotRows.table(ctx.state).posX[contact.idA]!, robotRows.table(ctx.state).posZ[contact.idA]!);
  },
  footprints: {
    write(model, state, add) {
      const t = table(state);
      for (let k = 0; k < t.count; k++) {
        if (!active(t.phase[k]!) || t.phase[k] === ObstructionPhase.Leaving) continue;
        const o = things(model)[k]!;
        add(k, o.x, o.z, o.item ? ITEM_BODY[o.item].sizeM / 2 : model.grid.cellM / 2, 0.1);
      }
    },
  },
  observe(model, state) {
    const t = table(state);
    const list = things(model).filter((o) => active(t.phase[o.id]!) && t.phase[o.id] !== ObstructionPhase.Leaving);
    return {
      blockedNodes: [...new Set(list.map((o) => o.node))].sort((a, b) => a - b),
      items: list.filter((o) => o.item).map((o) => ({ id: o.id, item: o.item, node: o.node })),
    };
  },
  frame: {
    fields: ['x', 'z', 'phase', 'item'],
    write(model, state, out) {
      const t = table(state);
      things(model).forEach((o, k) => {
        out[k * 4] = o.x;
        out[k * 4 + 1] = o.z;
        out[k * 4 + 2] = t.phase[k]!;
        out[k * 4 + 3] = o.item === 'pod' ? 2 : o.item === 'tote' ? 1 : 0;
      });
    },
  },
};
