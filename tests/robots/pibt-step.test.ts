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
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: nodes - 1 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: -1, max: nodes - 1 }), { minLength: 20, maxLength: 20 }),
        (starts, goals) => {
          const agents: PibtAgent[] = starts.map((from, id) => ({
            id,
            from,
            dist: goals[id]! >= 0 ? distances.to(goals[id]!, false) : null,
            mayEnter: () => true,
          }));
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
        },
      ),
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

  it('cannot undo a swap on its own; a restless agent (member of a wait cycle) steps aside', () => {
    // Agent 0 in the aisle at (3,3) wants (4,3), where loaded agent 1 stands whose only way out is (3,3).
    const at = (row: number, col: number) => map.cellNode[row * 8 + col]!;
    const exit = at(3, 3);
    const bay = at(4, 3);
    const agents = (restless: boolean): PibtAgent[] => [
      { id: 0, from: exit, dist: distances.to(at(5, 3), false), mayEnter: () => true, restless },
      { id: 1, from: bay, dist: distances.to(at(1, 3), false), mayEnter: (n) => n === exit },
    ];
    const holder = new Int32Array(nodes).fill(-1);
    holder[exit] = 0;
    holder[bay] = 1;
    const stuck = pibtStep(map, agents(false), holder);
    expect([...stuck.next]).toEqual([exit, bay]);
    expect([...stuck.waitsOn]).toEqual([1, 0]);
    const freed = pibtStep(map, agents(true), holder);
    expect(freed.next[0]).not.toBe(exit);
    expect(freed.next[0]).not.toBe(bay);
    expect(freed.next[1]).toBe(bay); // its push failed this step: it stays decided
    // Next step agent 0 stands aside (no longer restless) and the loaded agent, planned first as
    // the executor does, takes the exit.
    const aside = freed.next[0]!;
    const holder2 = new Int32Array(nodes).fill(-1);
    holder2[aside] = 0;
    holder2[bay] = 1;
    const [zero, one] = agents(false);
    const after = pibtStep(map, [one!, { ...zero!, from: aside }], holder2);
    expect(after.next[0]).toBe(exit);
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
