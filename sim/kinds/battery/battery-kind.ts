import type { KindDef } from '../../kind/kind-def.ts';
import { robotRows } from '../robot/index.ts';
import type { HasThingTables } from '../../kind/define-kind.ts';
import { batteryRows } from './battery-columns.ts';
import type { RobotModel } from '../robot/index.ts';
import { BATTERY_COLUMNS, type BatteryModel, type BatteryThing } from './battery-columns.ts';

export type { BatteryModel, BatteryThing };
import { batteryKpis } from './battery-kpis.ts';
import { batteriesSpecSchema, type BatteriesSpec } from './battery-spec.ts';
import { drainBatteries, sampleBatteries } from './drain-batteries.ts';

declare module '../../events/sim-event.ts' {
  interface SimEventMap {
    /** A robot ran flat away from a charger and stopped for good (with the task and load it had, or -1). */
    'battery.stranded': { robot: number; task: number; carrying: number };
    /** Battery totals so far: charge-related downtime (robot-seconds), robots stranded, lowest and mean state of charge. */
    'battery.sampled': { downtimeSec: number; stranded: number; minSocPct: number; meanSocPct: number };
  }
}

const table = (state: HasThingTables) => batteryRows.table(state);

/**
 * Robot batteries that matter (opt in with a `batteries` section): drain by distance, load and idle
 * time, seeded-free start charges spread over the fleet, stranding at 0 Wh, charge-related
 * downtime. The robot table keeps `batteryWh`; this kind adds capacity, stranding and downtime.
 */
export const batteryKind: KindDef<BatteriesSpec, BatteryThing, typeof BATTERY_COLUMNS> = {
  id: 'battery',
  spec: {
    key: 'batteries',
    schema: batteriesSpecSchema,
    description: 'Batteries that drain and must be charged: capacity, start charge, load drain, charging thresholds.',
  },
  columns: BATTERY_COLUMNS,
  compile(ctx) {
    const s = ctx.section;
    const robots = ctx.compiled('robot') as readonly RobotModel[];
    const model = { batteryModel: { loadWPerKgMps: s?.loadWPerKgMps ?? 0.5, lowSocPct: s?.lowSocPct ?? 30, fullSocPct: s?.fullSocPct ?? 90 } };
    if (!s) return { things: [], model };
    const start = s.startSocPct ?? { min: 100, max: 100 };
    if (start.min > start.max) ctx.issue('batteries.startSocPct.min', `min ${start.min} exceeds max ${start.max}`);
    if (model.batteryModel.lowSocPct >= model.batteryModel.fullSocPct)
      ctx.issue('batteries.lowSocPct', `lowSocPct ${model.batteryModel.lowSocPct} must be below fullSocPct ${model.batteryModel.fullSocPct}`);
    if (ctx.cellsOf('C').length === 0) ctx.issue('batteries', 'batteries need chargers: the layout has no charger (C)');
    const things = robots.map((robot, id) => {
      const capacityWh = s.capacityWh ?? robot.model.battery.capacityWh;
      const pct = robots.length === 1 ? start.max : start.min + ((start.max - start.min) * id) / (robots.length - 1);
      return { id, capacityWh, startWh: (capacityWh * pct) / 100 };
    });
    return { things, model: { ...model, batteryStartWh: things.map((t) => t.startWh) } };
  },
  init(t, model) {
    const b = t;
    for (const thing of model.things.battery as readonly BatteryThing[]) b.capacityWh[thing.id] = thing.capacityWh;
  },
  stages: [
    { slot: 'motion', run: ({ model, state }) => (table(state).count > 0 ? drainBatteries(model, state) : undefined) },
    { slot: 'sample', run: ({ model, state }) => sampleBatteries(model, state) },
  ],
  observe(model, state) {
    const b = table(state);
    const spec = batteryRows.fields(model).batteryModel;
    const r = robotRows.table(state);
    return {
      lowSocPct: spec.lowSocPct,
      fullSocPct: spec.fullSocPct,
      robots: Array.from({ length: b.count }, (_, i) => ({
        robot: i,
        socPct: (100 * r.batteryWh[i]!) / b.capacityWh[i]!,
        capacityWh: b.capacityWh[i]!,
        stranded: b.stranded[i] === 1,
        chargingAt: b.chargingAt[i]! >= 0 ? b.chargingAt[i]! : null,
      })),
    };
  },
  kpis: batteryKpis,
};
