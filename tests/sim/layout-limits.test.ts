import { describe, expect, it } from 'vitest';
import { hostCatalog } from '../../robots/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { validateScenario } from '../../sim/index.ts';

describe('layout size limits', () => {
  it('a 5,000 × 5,000 layout and a 1e-9 m cell are refused by validation, each named', () => {
    const base = structuredClone(findScenario('warehouse/g2p-small')!) as { layout: { rows: string[]; cellM: number } };
    const huge = { ...base, layout: { rows: Array.from({ length: 5000 }, () => '.'.repeat(5000)), cellM: 1e-9 } };
    const issues = validateScenario(huge, hostCatalog).map((i) => `${i.path}: ${i.message}`);
    expect(issues).toEqual(
      expect.arrayContaining([expect.stringMatching(/^layout\.rows: at most 4096 rows/), expect.stringMatching(/^layout\.cellM: at least 0\.1 m/)]),
    );
  });

  it('a 2,100 × 2,000 layout (under the side limit, over the cell limit) is refused as a whole', () => {
    const base = structuredClone(findScenario('warehouse/g2p-small')!) as { layout: { rows: string[]; cellM: number } };
    const big = { ...base, layout: { rows: Array.from({ length: 2100 }, () => '.'.repeat(2000)), cellM: 1 } };
    const issues = validateScenario(big, hostCatalog).map((i) => `${i.path}: ${i.message}`);
    expect(issues).toEqual(expect.arrayContaining([expect.stringMatching(/^layout\.rows: at most 4,000,000 cells in all/)]));
  });
});
