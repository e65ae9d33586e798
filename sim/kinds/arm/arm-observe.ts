/**
 * What a controller sees of the arms (`observation.things.arm`): joints, TCP pose, what each
 * holds, whether it is busy, its limits, and the holdable things within its reach that nobody
 * holds (position, top and bottom face heights and yaw, from the physics world as of the last
 * step, so none at tick 0).
 */
import type { SimModel } from '../../model/sim-model.ts';
import type { SimState } from '../../state/sim-state.ts';
import { detAtan2 } from '../../util/det-math.ts';
import type { StageContext } from '../../kind/stage-slots.ts';
import type { ArmThing } from './arm-compile.ts';
import { ArmPhase, armTable, jointsOf } from './arm-columns.ts';
import { jointCount } from './arm-model-spec.ts';
import { tcpWorld } from './arm-poses.ts';
import { quatOf } from './pose-math.ts';

const DEG = 180 / 3.141592653589793;

/** A holdable thing an arm can reach. */
export interface ReachableThing {
  readonly kind: string;
  readonly id: number;
  readonly xM: number;
  readonly yM: number;
  readonly zM: number;
  /** Heights of its top and bottom faces (rays cast onto it from above and below). */
  readonly topYM: number;
  readonly bottomYM: number;
  /** Its yaw (x axis, counter-clockwise from +x seen from above). */
  readonly yawDeg: number;
}

/** One arm as a controller sees it. */
export interface ArmObservation {
  readonly id: number;
  readonly name: string;
  readonly model: string;
  readonly type: 'articulated-6r' | 'scara';
  readonly tool: 'suction' | 'parallel-jaw';
  readonly base: { readonly xM: number; readonly yM: number; readonly zM: number; readonly yawDeg: number };
  readonly reachM: number;
  /** Joint positions (rad; a SCARA's J3 in m), one per joint of the model. */
  readonly jointsRad: readonly number[];
  /** TCP: position, unit quaternion, and yaw of the tool's x axis. */
  readonly tcp: { readonly xM: number; readonly yM: number; readonly zM: number; readonly q: readonly number[]; readonly yawDeg: number };
  /** What it holds, and how far the held thing's bottom is below the TCP (to place it on a surface). */
  readonly holding: { readonly kind: string; readonly id: number; readonly belowTcpM: number } | null;
  /** Where the built-in cell controller puts things (the spec's `placeSlots`): surface points. */
  readonly placeSlots: readonly { readonly xM: number; readonly yM: number; readonly zM: number; readonly yawDeg: number }[];
  /** Per place slot: whether something (of any holdable kind) already sits on it, held or free (a ray cast down onto the slot). */
  readonly placeSlotsTaken: readonly boolean[];
  readonly busy: boolean;
  readonly phase: 'idle' | 'moving' | 'gripping';
  /** Commands finished so far (moves, grasps, releases): a controller waits for it to grow. */
  readonly commandsDone: number;
  readonly reachable: readonly ReachableThing[];
}

const PHASES = ['idle', 'moving', 'gripping'] as const;

/** Top and bottom face heights of a body: rays down onto it from above and up onto it from below the floor. */
function verticalExtent(state: SimState, kind: number, id: number, armKind: number): { topYM: number; bottomYM: number } {
  const p = state.physics.bodyTranslation(kind, id);
  const down = state.physics.castRayOwner(p.x, p.y + 2, p.z, 0, -1, 0, 2, armKind);
  const up = state.physics.castRayOwner(p.x, p.y - 2, p.z, 0, 1, 0, 2, armKind, true, true);
  return {
    topYM: down && down.kind === kind && down.id === id ? p.y + 2 - down.toi : p.y,
    bottomYM: up && up.kind === kind && up.id === id ? p.y - 2 + up.toi : p.y,
  };
}

/** Whether a holdable thing lies on a place slot: the first thing a ray down onto the slot meets, within 0.3 m above it. */
function slotTaken(model: SimModel, state: SimState, slot: { xM: number; yM: number; zM: number }, armKind: number): boolean {
  if (state.tick === 0) return false;
  const hit = state.physics.castRayOwner(slot.xM, slot.yM + 0.3, slot.zM, 0, -1, 0, 0.29, armKind, true, true);
  return hit !== null && hit.kind >= 0 && model.kinds.kinds[hit.kind]?.holdable !== undefined;
}

export function observeArms(model: SimModel, state: SimState): readonly ArmObservation[] {
  const arms = model.things.arm as readonly ArmThing[];
  if (arms.length === 0) return Object.freeze([]);
  const t = armTable(state);
  const armKind = model.kinds.indexOf('arm');
  const ctx: StageContext = {
    model,
    state,
    commands: [],
    scratch: () => {
      throw new Error('no scratch in observations');
    },
    clock: undefined,
  };
  const holdables = model.kinds.kinds.flatMap((k, index) => (k.holdable ? [{ k, index }] : []));
  return Object.freeze(
    arms.map((arm) => {
      const a = arm.id;
      const q = jointsOf(t, a);
      const tcp = tcpWorld(arm, q);
      const tq = quatOf(tcp);
      const reachable: ReachableThing[] = [];
      // Ray casts see the world as of the last physics step: at tick 0 there is none, so nothing is listed yet.
      for (const { k, index } of state.tick === 0 ? [] : holdables) {
        const n = (state.things[k.id] as { count: number } | undefined)?.count ?? 0;
        for (let id = 0; id < n; id++) {
          if (!k.holdable!.canHold(ctx, id)) continue;
          const p = state.physics.bodyPose(index, id);
          const dx = p.x - arm.baseXM,
            dz = p.z - arm.baseZM;
          if (Math.sqrt(dx * dx + dz * dz) > arm.model.reachM) continue;
          const { topYM, bottomYM } = verticalExtent(state, index, id, armKind);
          // Yaw of the body's x axis: R·(1,0,0) = (1 − 2(y² + z²), ·, 2(xz − yw)).
          const fx = 1 - 2 * (p.qy * p.qy + p.qz * p.qz);
          const fz = 2 * (p.qx * p.qz - p.qy * p.qw);
          reachable.push(Object.freeze({ kind: k.id, id, xM: p.x, yM: p.y, zM: p.z, topYM, bottomYM, yawDeg: detAtan2(-fz, fx) * DEG }));
        }
      }
      const holdKind = t.holdKind[a]!;
      return Object.freeze({
        id: a,
        name: arm.name,
        model: arm.model.id,
        type: arm.model.type,
        tool: arm.tool.type,
        base: Object.freeze({ xM: arm.baseXM, yM: arm.baseYM, zM: arm.baseZM, yawDeg: arm.yawRad * DEG }),
        reachM: arm.model.reachM,
        jointsRad: Object.freeze(q.slice(0, jointCount(arm.model))),
        tcp: Object.freeze({ xM: tcp[3]!, yM: tcp[7]!, zM: tcp[11]!, q: Object.freeze([...tq]), yawDeg: detAtan2(-tcp[8]!, tcp[0]!) * DEG }),
        holding:
          holdKind >= 0
            ? Object.freeze({
                kind: model.kinds.kinds[holdKind]!.id,
                id: t.holdId[a]!,
                belowTcpM: tcp[7]! - verticalExtent(state, holdKind, t.holdId[a]!, armKind).bottomYM,
              })
            : null,
        placeSlots: arm.placeSlots,
        placeSlotsTaken: Object.freeze(arm.placeSlots.map((slot) => slotTaken(model, state, slot, armKind))),
        busy: t.phase[a] !== ArmPhase.Idle,
        phase: PHASES[t.phase[a]!] ?? 'idle',
        commandsDone: t.commandsDone[a]!,
        reachable: Object.freeze(reachable),
      });
    }),
  );
}
