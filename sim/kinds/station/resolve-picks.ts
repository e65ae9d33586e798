import { CellKind } from '../../model/layout-grid.ts';
import { orderRows } from '../order/index.ts';
import { stationRows } from './station-columns.ts';
import { robotRows } from '../robot/index.ts';
import type { SimModel } from '../../model/sim-model.ts';
import type { SimState } from '../../state/sim-state.ts';
import type { TaskState } from '../order/index.ts';
import { robotNode, STILL_MPS } from '../robot/index.ts';
import { findById } from '../../util/find-by-id.ts';
import { pickTicksPerLine } from './pick-ticks.ts';
import { findTask, taskChanged } from '../order/index.ts';

/**
 * Process-slot stage: stations. A robot standing on a free station with the load of a `carrying` task for
 * that station starts picking; the picker needs `pickSecPerLine` per line. When done every line
 * is marked picked, orders whose lines are all picked are delivered, and the task turns to
 * `returning`. A line that joins the task mid-pick (`orders.batching: until-picked`) has already
 * added its `pickSecPerLine` to the picker's time and is picked with the rest. A robot that leaves
 * mid-pick aborts it.
 */
export function resolvePicks(model: SimModel, state: SimState): void {
  const ticksPerLine = pickTicksPerLine(model);
  for (const task of carryingTasks(model, state)) {
    const st = stationRows.table(state);
    if (st.pickingTask[task.station]! >= 0) continue;
    const { node, atNode } = robotNode(model, state, task.robot);
    if (!atNode || node !== stationRows.things(model)[task.station]!.node) continue;
    task.phase = 'picking';
    taskChanged(state, task.id);
    st.pickingTask[task.station] = task.id;
    st.pickTicksLeft[task.station] = ticksPerLine * task.lines.length;
    state.events.push({ type: 'pick.started', tick: state.tick, station: task.station, robot: task.robot, task: task.id });
  }
  const st = stationRows.table(state);
  for (let s = 0; s < st.count; s++) {
    if (st.pickingTask[s]! < 0) continue;
    const task = findTask(state, st.pickingTask[s]!);
    if (task?.phase !== 'picking') {
      st.pickingTask[s] = -1;
      continue;
    }
    const { node } = robotNode(model, state, task.robot);
    if (node !== stationRows.things(model)[s]!.node || robotRows.table(state).carriedLoad[task.robot] !== task.load) {
      task.phase = robotRows.table(state).carriedLoad[task.robot] === task.load ? 'carrying' : 'assigned';
      taskChanged(state, task.id);
      st.pickingTask[s] = -1;
      continue;
    }
    st.pickTicksLeft[s] = st.pickTicksLeft[s]! - 1;
    if (st.pickTicksLeft[s]! > 0) continue;
    st.pickingTask[s] = -1;
    task.phase = 'returning';
    taskChanged(state, task.id);
    for (const [orderId, lineIndex] of task.lines) {
      const order = findById(orderRows.data(state).orders, orderId);
      const line = order?.lines[lineIndex];
      if (!order || !line || line.picked) continue;
      line.picked = true;
      state.events.push({ type: 'pick.completed', tick: state.tick, station: s, order: orderId, sku: line.sku, task: task.id });
      if (order.lines.every((l) => l.picked)) {
        order.deliveredTick = state.tick;
        st.openOrders[order.station] = st.openOrders[order.station]! - 1;
        state.events.push({
          type: 'order.delivered',
          tick: state.tick,
          order: order.id,
          station: order.station,
          cycleSec: (state.tick - order.releasedTick) / model.hz,
        });
      }
    }
    orderRows.data(state).orders = orderRows.data(state).orders.filter((o) => o.deliveredTick < 0);
  }
}

/**
 * Tasks in phase `carrying` whose robot stands still on a station node, ascending id. Found
 * through the robots (an assigned task's robot always holds its id, and a carrying robot holds the
 * load), so the cost follows the loaded robots, not the backlog of open tasks.
 */
function carryingTasks(model: SimModel, state: SimState): TaskState[] {
  const r = robotRows.table(state);
  const out: TaskState[] = [];
  for (let i = 0; i < r.count; i++) {
    // A moving robot is at no node (see isAtNode): skip it before looking its node up.
    if (r.task[i]! < 0 || r.carriedLoad[i]! < 0 || !(Math.abs(r.speedMps[i]!) < STILL_MPS)) continue;
    const { node, atNode } = robotNode(model, state, i);
    if (!atNode || model.roadmap.nodeKind[node] !== CellKind.Station) continue;
    const task = findTask(state, r.task[i]!);
    if (task && task.phase === 'carrying' && task.robot === i) out.push(task);
  }
  return out.length > 1 ? out.sort((a, b) => a.id - b.id) : out;
}
