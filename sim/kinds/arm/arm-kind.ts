import type { KindDef } from '../../kind/kind-def.ts';
import './arm-events.ts';
import { ARM_LAYERS, buildArms } from './arm-bodies.ts';
import { applyArmCommands } from './arm-commands.ts';
import { ARM_COLUMNS, setJoints } from './arm-columns.ts';
import { armModelOf, compileArms, type ArmThing } from './arm-compile.ts';
import { armContact } from './arm-contacts.ts';
import { armFrame } from './arm-frame.ts';
import { finishGrips } from './arm-grip.ts';
import { armKpis } from './arm-kpis.ts';
import { moveArms } from './arm-motion.ts';
import { observeArms } from './arm-observe.ts';
import { tcpWorld } from './arm-poses.ts';
import { armsSpecSchema, type ArmsSpec } from './arm-spec.ts';

/**
 * Robot arms with grippers (pick-and-place cells), from the `arms` section. Models (data sheets)
 * come from the host catalogue as `arm:<id>`; links are kinematic Rapier bodies posed from the
 * joints every tick (`motion`); grasps and releases finish in `handling`; commands are planned
 * whole when issued and refused with a reason when they cannot be done.
 */
export const armKind: KindDef<ArmsSpec, ArmThing, typeof ARM_COLUMNS> = {
  id: 'arm',
  spec: { key: 'arms', schema: armsSpecSchema, required: false, description: 'robot arms with grippers: model, base pose, tool' },
  columns: ARM_COLUMNS,
  compile: compileArms,
  checkSection: (arms, ctx) => arms.forEach((entry, i) => armModelOf(entry.model, `arms[${i}]`, ctx.catalog, ctx.issue)),
  init(table, model) {
    const t = table;
    for (const arm of model.things.arm as readonly ArmThing[]) {
      setJoints(t, arm.id, arm.homeQ);
      const tcp = tcpWorld(arm, arm.homeQ);
      t.tcpX[arm.id] = tcp[3]!;
      t.tcpY[arm.id] = tcp[7]!;
      t.tcpZ[arm.id] = tcp[11]!;
    }
  },
  layers: ARM_LAYERS,
  buildOrder: 20,
  build: buildArms,
  stages: [
    { slot: 'motion', run: moveArms },
    { slot: 'handling', run: finishGrips },
  ],
  onContact: armContact,
  frame: armFrame,
  observe: observeArms,
  applyCommands: applyArmCommands,
  kpis: armKpis,
};
