/**
 * The arm kind's frame section: per arm its base (`x`, `z`), phase and whether it holds something,
 * then 8 boxes (pedestal, up to 6 links, the tool), each as world centre, quaternion and half
 * extents (`b<k>x … b<k>hz`), so the page draws every link posed. Unused boxes have zero size.
 */
import type { KindFrame } from '../../kind/kind-def.ts';
import type { ArmThing } from './arm-compile.ts';
import { armTable, jointsOf } from './arm-columns.ts';
import { linkBodyTransforms, segmentBox } from './arm-poses.ts';
import { apply, quatOf, type Transform } from './pose-math.ts';

export const ARM_FRAME_BOXES = 8;
const BOX_FIELDS = ['x', 'y', 'z', 'qx', 'qy', 'qz', 'qw', 'hx', 'hy', 'hz'] as const;
export const ARM_FRAME_FIELDS: readonly string[] = Object.freeze([
  'x',
  'z',
  'phase',
  'holding',
  ...Array.from({ length: ARM_FRAME_BOXES }, (_, k) => BOX_FIELDS.map((f) => `b${k}${f}`)).flat(),
]);

function writeBox(out: Float32Array, o: number, body: Transform, offset: readonly number[], half: readonly number[]): void {
  const c = apply(body, offset[0]!, offset[1]!, offset[2]!);
  const q = quatOf(body);
  out.set([c[0], c[1], c[2], q[0], q[1], q[2], q[3], half[0]!, half[1]!, half[2]!], o);
}

export const armFrame: KindFrame = {
  fields: ARM_FRAME_FIELDS,
  write(model, state, out) {
    const t = armTable(state);
    const stride = ARM_FRAME_FIELDS.length;
    for (const arm of model.things.arm as readonly ArmThing[]) {
      const o = arm.id * stride;
      out.fill(0, o, o + stride);
      out[o] = arm.baseXM;
      out[o + 1] = arm.baseZM;
      out[o + 2] = t.phase[arm.id]!;
      out[o + 3] = t.holdKind[arm.id]! >= 0 ? 1 : 0;
      const ph = Math.max(0.01, arm.baseYM / 2);
      writeBox(out, o + 4, [1, 0, 0, arm.baseXM, 0, 1, 0, ph, 0, 0, 1, arm.baseZM], [0, 0, 0], [0.09, ph, 0.09]);
      const bodies = linkBodyTransforms(arm, jointsOf(t, arm.id));
      arm.segments.forEach((s, k) => {
        const box = segmentBox(s);
        writeBox(out, o + 4 + (k + 1) * 10, bodies[k]!, box.offset, box.half);
      });
      const reach = arm.tool.type === 'suction' ? arm.tool.lengthM - 0.003 : arm.tool.lengthM - 0.05;
      const r = arm.tool.type === 'suction' ? arm.tool.cupRadiusM : 0.04;
      writeBox(out, o + 4 + (ARM_FRAME_BOXES - 1) * 10, bodies[bodies.length - 1]!, [0, 0, reach / 2], [r, arm.tool.type === 'suction' ? r : 0.02, reach / 2]);
    }
  },
};
