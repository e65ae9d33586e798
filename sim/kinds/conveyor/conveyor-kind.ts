import { z } from 'zod';
import { conveyorRows } from './conveyor-model.ts';
import type { KindDef } from '../../kind/kind-def.ts';
import { unknownName } from '../item/index.ts';
import { captureItems } from './capture-items.ts';
import { buildConveyors, CONVEYOR_LAYERS } from './conveyor-bodies.ts';
import { compileConveyors } from './conveyor-compile.ts';
import { conveyorKpis } from './conveyor-kpis.ts';
import { CONVEYOR_COLUMNS, conveyorsOf, conveyorTable, type ConveyorModel } from './conveyor-model.ts';
import { conveyorsSpecSchema, type ConveyorSpec } from './conveyor-spec.ts';
import { createConveyorScratch, rideConveyors } from './ride-conveyors.ts';

const stopSchema = z.strictObject({
  atSec: z.number().nonnegative(),
  kind: z.literal('conveyor.stop'),
  conveyor: z.string().min(1),
  durationSec: z.number().positive(),
});

/** What a scenario without any of these things observes. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * Frame fields of a conveyor: its geometry (shape 0 straight from (ax, az) to (bx, bz), 1 arc
 * about (ax, az)), size and speed, and its state: running, blocked, items on it and a bit per
 * blocked photo-eye (the first 24).
 */
export const CONVEYOR_FRAME_FIELDS = [
  'shape',
  'ax',
  'az',
  'bx',
  'bz',
  'radiusM',
  'startRad',
  'sweepRad',
  'widthM',
  'heightM',
  'speedMps',
  'running',
  'blocked',
  'itemCount',
  'eyesBlocked',
] as const;

/**
 * Conveyors: straight and curved belt segments carrying items (see README, "Conveyors and
 * items"). Belts are fixed colliders items land on; items resting on a belt are captured onto its
 * path and ride as kinematic bodies with accumulation logic; transfers, merges and photo-eyes work
 * on the path positions.
 */
export const conveyorKind: KindDef<ConveyorSpec[], ConveyorModel, typeof CONVEYOR_COLUMNS> = {
  id: 'conveyor',
  spec: {
    key: 'conveyors',
    schema: conveyorsSpecSchema,
    description: 'Belt conveyors: straight or arc segments, speed, accumulation, photo-eyes, transfers and merges',
  },
  columns: CONVEYOR_COLUMNS,
  compile: compileConveyors,
  init(table, model) {
    const t = table;
    for (const c of conveyorsOf(model)) t.eyes[c.id] = c.photoEyes.map(() => 0);
  },
  layers: CONVEYOR_LAYERS,
  build: buildConveyors,
  stages: [
    { slot: 'motion', run: rideConveyors },
    { slot: 'settle', run: captureItems },
  ],
  scripted: {
    'conveyor.stop': {
      schema: stopSchema,
      check(event, model, issue) {
        const names = conveyorsOf(model).map((c) => c.name);
        if (!names.includes(event.conveyor)) issue('conveyor', unknownName('conveyor', event.conveyor, names));
      },
      fire(event, ctx) {
        const id = conveyorsOf(ctx.model).findIndex((c) => c.name === event.conveyor);
        conveyorTable(ctx).stoppedUntilTick[id] = ctx.state.tick + Math.round(event.durationSec * ctx.model.hz);
        conveyorTable(ctx).running[id] = 0;
      },
    },
  },
  createScratch: (model) => createConveyorScratch(conveyorsOf(model).length),
  observe(model, state) {
    if ((model.things.conveyor?.length ?? 0) === 0) return NONE;
    const t = conveyorRows.table(state);
    return Object.freeze(
      conveyorsOf(model).map((c) =>
        Object.freeze({
          id: c.id,
          name: c.name,
          running: t.running[c.id] === 1,
          blocked: t.blockedSinceTick[c.id]! >= 0,
          items: Object.freeze([...t.items[c.id]!]),
          photoEyes: Object.freeze(t.eyes[c.id]!.map((e) => e === 1)),
        }),
      ),
    );
  },
  frame: {
    fields: CONVEYOR_FRAME_FIELDS,
    write(model, state, out) {
      const t = conveyorRows.table(state);
      const n = CONVEYOR_FRAME_FIELDS.length;
      for (const c of conveyorsOf(model)) {
        const o = c.id * n;
        const p = c.path;
        out[o] = p.shape === 'arc' ? 1 : 0;
        out[o + 1] = p.ax;
        out[o + 2] = p.az;
        out[o + 3] = p.bx;
        out[o + 4] = p.bz;
        out[o + 5] = p.radiusM;
        out[o + 6] = p.startRad;
        out[o + 7] = p.sweepRad;
        out[o + 8] = c.widthM;
        out[o + 9] = c.heightM;
        out[o + 10] = c.speedMps;
        out[o + 11] = t.running[c.id]!;
        out[o + 12] = t.blockedSinceTick[c.id]! >= 0 ? 1 : 0;
        out[o + 13] = t.items[c.id]!.length;
        let bits = 0;
        t.eyes[c.id]!.forEach((e, k) => {
          if (e === 1 && k < 24) bits += 2 ** k;
        });
        out[o + 14] = bits;
      }
    },
  },
  kpis: conveyorKpis,
};
