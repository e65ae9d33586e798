import { formatPath } from '../../schema/spec-error.ts';
import type { KindCompileContext } from '../../kind/kind-def.ts';
import { armCatalogKey, armModelSchema, jointCount, type ArmModelSpec } from './arm-model-spec.ts';
import type { ArmsSpec } from './arm-spec.ts';
import { linkSegments, type LinkSegment } from './forward-kinematics.ts';
import { isPrismatic, limitViolation } from './inverse-kinematics.ts';
import type { LinearLimits } from './joint-trajectory.ts';
import { compose, rotZ, type Transform } from './pose-math.ts';
import { TOOLS, type ToolSpec } from './tools.ts';

const DEG = 3.141592653589793 / 180;

/** A compiled arm. Its bodies are ids `bodyOffset … bodyOffset + bodyCount − 1` of the arm kind: the pedestal, then one per link segment. */
export interface ArmThing {
  readonly id: number;
  readonly name: string;
  readonly model: ArmModelSpec;
  readonly tool: ToolSpec;
  /** The arm's base frame (DH: z up) in the world (y up): `T(base) · M · Rz(yaw)`. */
  readonly base: Transform;
  readonly baseXM: number;
  readonly baseYM: number;
  readonly baseZM: number;
  readonly yawRad: number;
  /** Starting joints (6 values). */
  readonly homeQ: readonly number[];
  readonly bodyOffset: number;
  readonly bodyCount: number;
  readonly segments: readonly LinkSegment[];
  readonly linear: LinearLimits;
  /** The spec's `placeSlots`, for the cell controller. */
  readonly placeSlots: readonly { readonly xM: number; readonly yM: number; readonly zM: number; readonly yawDeg: number }[];
}

/** DH base axes (x, y, z up) to world axes (x east, y up, z south): (x, y, z) ↦ (x, z, −y). */
const AXES: Transform = [1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0];

/** The world transform of an arm base at `(x, y, z)` turned `yawRad` counter-clockwise seen from above. */
export function baseTransform(x: number, y: number, z: number, yawRad: number): Transform {
  const t = compose(AXES, rotZ(yawRad));
  t[3] = x;
  t[7] = y;
  t[11] = z;
  return t;
}

/**
 * The arm model `name` (of the spec entry at `path`) from the host's catalogue (`arm:<id>`),
 * checked; null (with the problem reported) when there is no such model or it is invalid.
 */
export function armModelOf(
  name: string,
  path: string,
  catalog: Readonly<Record<string, unknown>>,
  issue: (path: string, message: string) => void,
): ArmModelSpec | null {
  const raw = catalog[armCatalogKey(name)];
  if (raw === undefined) {
    const known = Object.keys(catalog)
      .filter((k) => k.startsWith('arm:'))
      .map((k) => k.slice(4));
    issue(`${path}.model`, `unknown arm model "${name}"; known: ${known.join(', ') || '(none: the host catalogue has no arm models)'}`);
    return null;
  }
  const checked = armModelSchema.safeParse(raw);
  if (!checked.success) {
    for (const problem of checked.error.issues) issue(`${path}.model(${name}).${formatPath(problem.path)}`, problem.message);
    return null;
  }
  return checked.data;
}

/** Compiles the `arms` section: each model from the host catalogue (`arm:<id>`), checked. */
export function compileArms(ctx: KindCompileContext<ArmsSpec>): { things: ArmThing[] } {
  const entries = ctx.section ?? [];
  const things: ArmThing[] = [];
  let bodyOffset = 0;
  entries.forEach((entry, i) => {
    const path = `arms[${i}]`;
    const model = armModelOf(entry.model, path, ctx.catalog, ctx.issue);
    if (!model) return;
    const n = jointCount(model);
    const homeQ = [0, 0, 0, 0, 0, 0];
    if (entry.homeDeg) {
      if (entry.homeDeg.length !== n) ctx.issue(`${path}.homeDeg`, `${entry.homeDeg.length} values; ${model.id} has ${n} joints`);
      entry.homeDeg.slice(0, n).forEach((v, k) => (homeQ[k] = isPrismatic(model, k) ? v : v * DEG));
    } else if (model.type === 'scara') {
      homeQ[2] = model.joints[2]!.min;
    }
    const violation = limitViolation(model, homeQ);
    if (violation) ctx.issue(`${path}.homeDeg`, violation);
    const yawRad = entry.base.yawDeg * DEG;
    const segments = linkSegments(model);
    things.push({
      id: things.length,
      name: entry.name ?? `arm${i}`,
      model,
      tool: TOOLS[entry.tool],
      base: baseTransform(entry.base.xM, entry.base.yM, entry.base.zM, yawRad),
      baseXM: entry.base.xM,
      baseYM: entry.base.yM,
      baseZM: entry.base.zM,
      yawRad,
      homeQ,
      bodyOffset,
      bodyCount: 1 + segments.length,
      segments,
      placeSlots: entry.placeSlots,
      linear: {
        speedMps: entry.linear.speedMps,
        accelMps2: entry.linear.accelMps2,
        turnRps: entry.linear.turnDegPerSec * DEG,
        turnAccelRps2: entry.linear.turnAccelDegPerSec2 * DEG,
      },
    });
    bodyOffset += 1 + segments.length;
  });
  return { things };
}
