import { kpi } from '../../kind/kpi-meta.ts';
import type { SimEvent } from '../../events/sim-event.ts';
import type { KindKpis } from '../../kind/kind-def.ts';

interface ErrandKpiAcc {
  hz: number;
  finished: number;
  reached: number;
  taskSec: number[];
}

/**
 * Errand tasks finished (and per hour), errands reached, and the median task time. Physics-free,
 * so the page folds it too (the events are declared in `errand-kind.ts`).
 */
export const errandKpis: KindKpis<ErrandKpiAcc> = {
  meta: {
    figures: {
      tasksFinished: kpi.count('errand tasks finished'),
      tasksPerHour: kpi.perHour('errand task rate', 'tasks/h', { headline: 3 }),
      errandsReached: kpi.count('errand stops reached', 'info', { detailOf: 'tasksFinished' }),
      taskTimeP50Sec: kpi.seconds('errand task time p50'),
    },
  },
  create: (hz): ErrandKpiAcc => ({ hz, finished: 0, reached: 0, taskSec: [] }),
  reduce(acc: ErrandKpiAcc, e: SimEvent) {
    if (e.type === 'errand.reached') acc.reached += 1;
    else if (e.type === 'errand.finished') {
      acc.finished += 1;
      acc.taskSec.push(e.taskSec);
    }
  },
  finalize(acc: ErrandKpiAcc, sec) {
    const sorted = [...acc.taskSec].sort((a, b) => a - b);
    const p50 = sorted.length > 0 ? sorted[Math.floor((sorted.length - 1) / 2)]! : 0;
    return { tasksFinished: acc.finished, tasksPerHour: sec > 0 ? (acc.finished * 3600) / sec : 0, errandsReached: acc.reached, taskTimeP50Sec: p50 };
  },
};
