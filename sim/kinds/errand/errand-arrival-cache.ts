/**
 * Per errand slot, what {@link advanceErrands} looked up last: the goal node of a (task, step)
 * and the roadmap node of a layout cell. Each entry is keyed by the values it was looked up from,
 * so it is right after any restore; the errand kind's per-episode scratch (never hashed or
 * snapshotted). At 10,000 robots every slot read its task's errand list, the list's entry and the
 * 2.2-million-cell node table each tick, a cache miss or more each, for answers that change only
 * when the robot enters another cell or the task moves on.
 */
export class ErrandArrivalCache {
  /** The task and step `goalNode` was looked up for (−1: none yet). */
  private goalTask = new Int32Array(0);
  private goalStep = new Int32Array(0);
  private goalNode = new Int32Array(0);
  /** The cell (row × cols + col, −1 outside the layout) `cellNode` was looked up for. */
  private cell = new Int32Array(0);
  private cellNode = new Int32Array(0);

  /** Makes room for `slots` slots (entries of new slots start unknown). */
  ensure(slots: number): void {
    if (this.goalTask.length >= slots) return;
    this.goalTask = new Int32Array(slots).fill(-1);
    this.goalStep = new Int32Array(slots).fill(-1);
    this.goalNode = new Int32Array(slots);
    this.cell = new Int32Array(slots).fill(-2);
    this.cellNode = new Int32Array(slots);
  }

  /** The goal node of step `step` of task `task` in slot `s`, from `lookUp` when not kept. */
  goal(s: number, task: number, step: number, lookUp: (task: number, step: number) => number): number {
    if (this.goalTask[s] === task && this.goalStep[s] === step) return this.goalNode[s]!;
    const node = lookUp(task, step);
    this.goalTask[s] = task;
    this.goalStep[s] = step;
    this.goalNode[s] = node;
    return node;
  }

  /** The roadmap node of cell `cell` (−1: outside the layout) for slot `s`, from `cellNode` when not kept. */
  node(s: number, cell: number, cellNode: Int32Array): number {
    if (this.cell[s] === cell) return this.cellNode[s]!;
    const node = cell < 0 ? -1 : cellNode[cell]!;
    this.cell[s] = cell;
    this.cellNode[s] = node;
    return node;
  }
}
