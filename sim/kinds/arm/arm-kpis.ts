import { kpi } from '../../kind/kpi-meta.ts';
import type { KindKpis } from '../../kind/kind-def.ts';
import './arm-events.ts';

interface ArmKpiAcc {
  cycles: number[];
  grasps: number;
  graspFailures: number;
  dropped: number;
  refused: number;
}

/** Arm KPIs (`kpis.things.arm`): pick-and-place cycles and their time (mean, p95), grasps, grasp failures, dropped items, refused commands. */
export const armKpis: KindKpis<ArmKpiAcc> = {
  meta: {
    figures: {
      armCycles: kpi.count('arm cycles'),
      armCyclesPerHour: kpi.perHour('arm cycle rate', 'cycles/h', { headline: 5 }),
      armCycleTimeMeanSec: kpi.seconds('arm cycle time mean', 'lower', { format: { digits: 2 } }),
      armCycleTimeP95Sec: kpi.seconds('p95', 'lower', { format: { digits: 2 }, detailOf: 'armCycleTimeMeanSec' }),
      grasps: kpi.count('grasps'),
      graspFailures: kpi.count('failed', 'lower', { detailOf: 'grasps' }),
      droppedItems: kpi.count('items dropped by arms', 'lower'),
      armCommandsRefused: kpi.count('arm commands refused', 'lower'),
    },
  },
  create: () => ({ cycles: [], grasps: 0, graspFailures: 0, dropped: 0, refused: 0 }),
  reduce(acc, e) {
    if (e.type === 'arm.cycle') acc.cycles.push(e.cycleSec);
    else if (e.type === 'arm.grasped') acc.grasps += 1;
    else if (e.type === 'grasp.failed') acc.graspFailures += 1;
    else if (e.type === 'grasp.slipped') acc.dropped += 1;
    else if (e.type === 'arm.refused') acc.refused += 1;
  },
  finalize(acc, sec): Record<string, number> {
    const n = acc.cycles.length;
    const sorted = [...acc.cycles].sort((a, b) => a - b);
    // Nearest-rank p95, as the fleet KPIs compute theirs.
    const p95 = n > 0 ? sorted[Math.min(n - 1, Math.max(0, Math.ceil(0.95 * n) - 1))]! : 0;
    return {
      armCycles: n,
      armCyclesPerHour: sec > 0 ? (n * 3600) / sec : 0,
      armCycleTimeMeanSec: n > 0 ? acc.cycles.reduce((s, v) => s + v, 0) / n : 0,
      armCycleTimeP95Sec: p95,
      grasps: acc.grasps,
      graspFailures: acc.graspFailures,
      droppedItems: acc.dropped,
      armCommandsRefused: acc.refused,
    };
  },
};
