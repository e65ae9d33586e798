import { describe, expect, it } from 'vitest';
import { createHandedRoadmap } from '../../../sim/control/handed-roadmap.ts';
import type { Roadmap } from '../../../sim/model/roadmap.ts';

/** A 9-node roadmap: `nodeKind` (9 bytes) ends in a byte past its last whole 32-bit word. */
function roadmap(): Roadmap {
  const n = 9;
  return {
    nodeCount: n,
    cellM: 1,
    nodeX: Float64Array.from({ length: n }, (_, i) => i + 0.5),
    nodeZ: new Float64Array(n).fill(0.5),
    nodeCell: Int32Array.from({ length: n }, (_, i) => i),
    nodeKind: new Uint8Array(n),
    cellNode: Int32Array.from({ length: n }, (_, i) => i),
    edgeStart: Int32Array.from({ length: n + 1 }, (_, i) => i),
    edgeTarget: Int32Array.from({ length: n }, (_, i) => (i + 1) % n),
    edgeDir: new Uint8Array(n),
  } as unknown as Roadmap;
}

describe('createHandedRoadmap', () => {
  it('reports a write on a checking call (the first and every 16th) and always restores the copy', () => {
    const source = roadmap();
    const handed = createHandedRoadmap(source);
    const copy = handed.roadmap;
    expect(copy.nodeKind).not.toBe(source.nodeKind);
    expect(Object.isFrozen(copy)).toBe(true);
    // Call 0 checks: a write into the last byte (past the last whole word) is seen.
    copy.nodeKind[8] = 7;
    expect(handed.repair()).toBe(true);
    expect(copy.nodeKind[8]).toBe(0);
    // Calls 1–15 restore without comparing.
    copy.nodeX[3] = -1;
    expect(handed.repair()).toBe(false);
    expect(copy.nodeX[3]).toBe(3.5);
    for (let k = 2; k < 16; k++) expect(handed.repair()).toBe(false);
    // Call 16 checks again: a write into a whole word is seen, and nothing was written into the model.
    copy.edgeTarget[0] = 5;
    expect(handed.repair()).toBe(true);
    expect(copy.edgeTarget[0]).toBe(1);
    expect(source.edgeTarget[0]).toBe(1);
    expect(source.nodeKind[8]).toBe(0);
    // An untouched copy is reported clean on the next checking call.
    for (let k = 17; k < 32; k++) handed.repair();
    expect(handed.repair()).toBe(false);
  });
});
