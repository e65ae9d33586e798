import type { KindDef } from '../../kind/kind-def.ts';
import type { HasThingTables } from '../../kind/define-kind.ts';
import { chargerRows } from './charger-columns.ts';
import { applyChargerCommands } from './charger-commands.ts';
import { CHARGER_COLUMNS, type ChargerModel } from './charger-columns.ts';
import { chargersSpecSchema, type ChargersSpec } from './charger-spec.ts';
import { chargeRobots } from './charge-robots.ts';

declare module '../../events/sim-event.ts' {
  interface SimEventMap {
    /** A robot joined a charger's queue (position 0: it charges next). */
    'charge.queued': { robot: number; charger: number; position: number };
    'charge.started': { robot: number; charger: number; socPct: number };
    'charge.ended': { robot: number; charger: number; socPct: number; chargedWh: number };
  }
}

export type { ChargerModel };

const table = (state: HasThingTables) => chargerRows.table(state);

/**
 * Chargers with queues: one per layout `C` cell, present when the scenario has a `batteries`
 * section (section `chargers` sets power and queue capacity). A robot docks (`dock`) on a charger
 * and charges; controllers queue robots with `{ thing: 'charger', kind: 'request', robot, charger }`
 * and take them out with `release`. The observation lists each charger's node, queue and occupant.
 */
export const chargerKind: KindDef<ChargersSpec, ChargerModel, typeof CHARGER_COLUMNS> = {
  id: 'charger',
  spec: { key: 'chargers', schema: chargersSpecSchema, description: "Charger power and queue capacity (chargers are the layout's C cells)." },
  columns: CHARGER_COLUMNS,
  compile(ctx) {
    const batteries = ctx.spec.batteries !== undefined;
    if (!batteries) {
      if (ctx.section) ctx.issue('chargers', 'chargers need a batteries section (without it robots never charge)');
      return { things: [] };
    }
    const things = ctx
      .cellsOf('C')
      .map((cell, id) => ({ id, node: ctx.roadmap.cellNode[cell]!, powerW: ctx.section?.powerW, queueCapacity: ctx.section?.queueCapacity ?? 3 }));
    return { things };
  },
  stages: [{ slot: 'process', run: ({ model, state }) => (table(state).count > 0 ? chargeRobots(model, state) : undefined) }],
  applyCommands: applyChargerCommands,
  observe(model, state) {
    const c = table(state);
    const chargers = model.things.charger as readonly ChargerModel[];
    return Array.from({ length: c.count }, (_, k) => ({
      id: k,
      node: chargers[k]!.node,
      queue: c.queue[k]!.slice(),
      occupant: c.occupant[k]! >= 0 ? c.occupant[k]! : null,
      queueCapacity: chargers[k]!.queueCapacity,
    }));
  },
  frame: {
    fields: ['x', 'z', 'occupant', 'queued'],
    write(model, state, out) {
      const c = table(state);
      const chargers = model.things.charger as readonly ChargerModel[];
      for (let k = 0; k < c.count; k++) {
        out[k * 4] = model.roadmap.nodeX[chargers[k]!.node]!;
        out[k * 4 + 1] = model.roadmap.nodeZ[chargers[k]!.node]!;
        out[k * 4 + 2] = c.occupant[k]!;
        out[k * 4 + 3] = c.queue[k]!.length;
      }
    },
  },
};
