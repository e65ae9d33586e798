/**
 * Cycles in a wait-for graph where each robot waits for at most one other (`waitOn[r]`, -1 for
 * none): a functional graph, so every cycle is found in O(n). Only robots that have waited at
 * least `minTicks` take part. Cycles come out in ascending order of their smallest member.
 */
export function findWaitCycles(waitOn: Int32Array, waitTicks: Int32Array, minTicks: number): number[][] {
  const n = waitOn.length;
  const state = new Uint8Array(n); // 0 unseen, 1 on the current walk, 2 done
  const cycles: number[][] = [];
  for (let start = 0; start < n; start++) {
    let i = start;
    while (i >= 0 && state[i] === 0 && waitTicks[i]! >= minTicks) {
      state[i] = 1;
      i = waitOn[i]!;
    }
    if (i >= 0 && state[i] === 1) {
      const cycle: number[] = [];
      let j = i;
      do {
        cycle.push(j);
        j = waitOn[j]!;
      } while (j !== i);
      cycles.push(cycle.sort((a, b) => a - b));
    }
    for (let k = start; k >= 0 && state[k] === 1; k = waitOn[k]!) state[k] = 2;
  }
  return cycles;
}
