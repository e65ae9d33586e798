import type { KindCompileContext } from '../../kind/kind-def.ts';
import type { ConveyorModel } from './conveyor-model.ts';
import { arcPath, pointAt, reversePath, straightPath, type ConveyorPath } from './conveyor-path.ts';
import type { ConveyorSpec } from './conveyor-spec.ts';
import { unknownName } from '../item/index.ts';

const DEG = Math.PI / 180;
/** A transfer's source end may miss its target point by this much beyond half the target's width. */
const TRANSFER_TOLERANCE_M = 0.05;

function pathOf(spec: ConveyorSpec['path'], at: string, issue: (path: string, message: string) => void): ConveyorPath | null {
  const straight = spec.from !== undefined || spec.to !== undefined;
  const arc = spec.center !== undefined || spec.radiusM !== undefined || spec.startDeg !== undefined || spec.sweepDeg !== undefined;
  if (straight && !arc) {
    if (!spec.from || !spec.to) {
      issue(`${at}.${spec.from ? 'to' : 'from'}`, 'required: a straight conveyor needs both from and to');
      return null;
    }
    const p = straightPath(spec.from.x, spec.from.z, spec.to.x, spec.to.z);
    if (p.lengthM < 0.1) issue(at, `a conveyor must be at least 0.1 m long (from and to are ${p.lengthM.toFixed(3)} m apart)`);
    return p;
  }
  if (arc && !straight) {
    const missing = (['center', 'radiusM', 'startDeg', 'sweepDeg'] as const).filter((k) => spec[k] === undefined);
    if (missing.length > 0) {
      for (const k of missing) issue(`${at}.${k}`, 'required: an arc conveyor needs center, radiusM, startDeg and sweepDeg');
      return null;
    }
    if (spec.sweepDeg === 0) issue(`${at}.sweepDeg`, 'an arc must turn (sweepDeg is 0)');
    // Degrees to radians is one IEEE multiplication: the same bits everywhere.
    return arcPath(spec.center!.x, spec.center!.z, spec.radiusM!, spec.startDeg! * DEG, spec.sweepDeg! * DEG);
  }
  issue(
    at,
    straight
      ? 'give either from and to (straight) or center, radiusM, startDeg and sweepDeg (arc), not both'
      : 'required: from and to (straight) or center, radiusM, startDeg and sweepDeg (arc)',
  );
  return null;
}

/** Compiles the `conveyors` section: paths in the travel direction, feeds resolved and checked to meet. */
export function compileConveyors(ctx: KindCompileContext<ConveyorSpec[]>): { things: ConveyorModel[] } {
  const specs = ctx.section ?? [];
  const names = specs.map((c) => c.id);
  const dt = 1 / (ctx.spec.physics as { hz: number }).hz;
  const paths = specs.map((c, i) => {
    const p = pathOf(c.path, `conveyors[${i}].path`, ctx.issue);
    return p && c.direction === 'reverse' ? reversePath(p) : p;
  });
  const things: ConveyorModel[] = [];
  specs.forEach((c, i) => {
    const at = `conveyors[${i}]`;
    const first = names.indexOf(c.id);
    if (first !== i) ctx.issue(`${at}.id`, `conveyor "${c.id}" is already declared at conveyors[${first}]`);
    const path = paths[i];
    if (!path) return;
    c.photoEyes.forEach((s, k) => {
      if (s > path.lengthM) ctx.issue(`${at}.photoEyes[${k}]`, `${s} m is beyond the conveyor's end (it is ${path.lengthM.toFixed(3)} m long)`);
    });
    let feeds = -1;
    let feedAtM = 0;
    if (c.feeds !== undefined) {
      const target = typeof c.feeds === 'string' ? c.feeds : c.feeds.conveyor;
      feedAtM = typeof c.feeds === 'string' ? 0 : c.feeds.atM;
      const field = typeof c.feeds === 'string' ? `${at}.feeds` : `${at}.feeds.conveyor`;
      feeds = names.indexOf(target);
      if (feeds < 0) {
        ctx.issue(field, unknownName('conveyor', target, names));
      } else if (feeds === i) {
        ctx.issue(field, 'a conveyor cannot feed itself');
        feeds = -1;
      } else if (paths[feeds]) {
        const tp = paths[feeds]!;
        if (feedAtM > tp.lengthM) ctx.issue(`${at}.feeds.atM`, `${feedAtM} m is beyond ${target}'s end (it is ${tp.lengthM.toFixed(3)} m long)`);
        const end = pointAt(path, path.lengthM, { x: 0, z: 0, tx: 0, tz: 0 });
        const entry = pointAt(tp, feedAtM, { x: 0, z: 0, tx: 0, tz: 0 });
        const miss = Math.sqrt((end.x - entry.x) ** 2 + (end.z - entry.z) ** 2);
        const allowed = specs[feeds]!.widthM / 2 + TRANSFER_TOLERANCE_M;
        if (miss > allowed) {
          ctx.issue(
            `${at}.feeds`,
            `${c.id}'s end (${end.x.toFixed(2)}, ${end.z.toFixed(2)}) is ${miss.toFixed(2)} m from ${target} at ${feedAtM} m (${entry.x.toFixed(2)}, ${entry.z.toFixed(2)}); a transfer needs at most ${allowed.toFixed(2)} m`,
          );
        }
      }
    }
    things.push({
      id: i,
      name: c.id,
      path,
      widthM: c.widthM,
      heightM: c.heightM,
      speedMps: c.speedMps,
      stepM: c.speedMps * dt,
      accumulating: c.accumulating,
      gapM: c.gapM,
      photoEyes: [...c.photoEyes],
      feeds,
      feedAtM,
    });
  });
  return { things };
}
