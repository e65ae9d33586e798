import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GoalDistances, pibtStep, robotModels, type PibtAgent } from '../../robots/index.ts';
import { compileScenario } from '../../sim/index.ts';
import { makeSpec } from '../helpers/make-host.ts';

/** A 6 × 6 floor inside walls: one one-way lane (row 1 heads east), a spawn, a pod and a station in row 6. */
const ROWS = ['########', '#>>>>>>#', '#......#', '#......#', '#......#', '#......#', '#S..RP.#', '########'];
const map = compileScenario(makeSpec(ROWS), robotModels).roadmap;
const distances = new GoalDistances(map);
const nodes = map.nodeCount;

const neighbours = (u: number) => {
  const out: number[] = [];
  for (let e = map.edgeStart[u]!; e < map.edgeStart[u + 1]!; e++) out.push(map.edgeTarget[e]!);
  return out;
};

describe('pibtStep (one step of PIBT)', () => {
  it('never puts two agents on a node, never swaps two, moves only along edges (fast-check, seed 13, 300 runs)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: nodes - 1 }), { minLength: 1, maxLength: 20 }), fc.array(fc.integer({ min: -1, max: nodes - 1 }), { minLength: 20, maxLength: 20 }), (starts, goals) => {
        const agents: PibtAgent[] = starts.map((from, id) => ({ id, from, dist: goals[id]! >= 0 ? distances.to(goals[id]!, false) : null, mayEnter: () => true }));
        const holder = new Int32Array(nodes).fill(-1);
        for (const a of agents) holder[a.from] = a.id;
        const { next } = pibtStep(map, agents, holder);
        expect(new Set(next).size).toBe(agents.length);
        agents.forEach((a, i) => {
          const v = next[i]!;
          expect(v === a.from || neighbours(a.from).includes(v)).toBe(true);
          const j = agents.findIndex((b) => b.from === v);
          if (j >= 0 && j !== i) expect(next[j]).not.toBe(a.from);
        });
      }),
      { seed: 13, numRuns: 300 },
    );
  });

  it('lets the higher-priority agent push a lower one out of its way (priority inheritance)', () => {
    // Row 3: agent 0 at column 2 wants to go east past agent 1 standing at column 3 (no goal).
    const at = (row: number, col: number) => map.cellNode[row * 8 + col]!;
    const goal = at(3, 6);
    const agents: PibtAgent[] = [
      { id: 0, from: at(3, 2), dist: distances.to(goal, false), mayEnter: () => true },
      { id: 1, from: at(3, 3), dist: null, mayEnter: () => true },
    ];
    const holder = new Int32Array(nodes).fill(-1);
    holder[at(3, 2)] = 0;
    holder[at(3, 3)] = 1;
    const { next, waitsOn } = pibtStep(map, agents, holder);
    expect(next[0]).toBe(at(3, 3));
    expect(next[1]).not.toBe(at(3, 3));
    expect(next[1]).not.toBe(at(3, 2));
    expect(waitsOn[0]).toBe(1); // it enters once agent 1 has left
  });

  it('is deterministic and leaves no state behind: the same input twice gives the same step', () => {
    const agents: PibtAgent[] = [5, 9, 14, 20].map((from, id) => ({ id, from, dist: distances.to(30, false), mayEnter: () => true }));
    const holder = new Int32Array(nodes).fill(-1);
    for (const a of agents) holder[a.from] = a.id;
    const first = pibtStep(map, agents, holder);
    const second = pibtStep(map, agents, holder);
    expect([...second.next]).toEqual([...first.next]);
    expect([...second.waitsOn]).toEqual([...first.waitsOn]);
  });
});
