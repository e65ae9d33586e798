import { describe, expect, it } from 'vitest';
import { ErrandArrivalCache } from '../../../sim/kinds/errand/errand-arrival-cache.ts';

describe('ErrandArrivalCache', () => {
  it('looks a goal up again only when its slot holds another task or step, and a node only when the cell changes', () => {
    const cache = new ErrandArrivalCache();
    cache.ensure(2);
    const asked: Array<[number, number]> = [];
    const lookUp = (task: number, step: number) => {
      asked.push([task, step]);
      return task * 100 + step;
    };
    expect(cache.goal(0, 7, 0, lookUp)).toBe(700);
    expect(cache.goal(0, 7, 0, lookUp)).toBe(700);
    expect(cache.goal(1, 7, 0, lookUp)).toBe(700);
    expect(cache.goal(0, 7, 1, lookUp)).toBe(701);
    expect(cache.goal(0, 8, 1, lookUp)).toBe(801);
    expect(asked).toEqual([
      [7, 0],
      [7, 0],
      [7, 1],
      [8, 1],
    ]);

    const cellNode = Int32Array.from([-1, 4, 5, -1]);
    expect(cache.node(0, 1, cellNode)).toBe(4);
    cellNode[1] = 9; // a kept entry is not read again ...
    expect(cache.node(0, 1, cellNode)).toBe(4);
    expect(cache.node(0, 2, cellNode)).toBe(5); // ... until the cell changes
    expect(cache.node(0, 1, cellNode)).toBe(9);
    expect(cache.node(0, -1, cellNode)).toBe(-1);
    expect(cache.node(1, 0, cellNode)).toBe(-1);
  });

  it('starts every slot unknown, also the slots added when it grows', () => {
    const cache = new ErrandArrivalCache();
    cache.ensure(1);
    const cellNode = Int32Array.from([3]);
    expect(cache.node(0, 0, cellNode)).toBe(3);
    cache.ensure(4);
    cellNode[0] = 6;
    for (let s = 0; s < 4; s++) expect(cache.node(s, 0, cellNode)).toBe(6);
    expect(cache.goal(3, 0, 0, () => 11)).toBe(11);
  });
});
