import { describe, expect, it } from 'vitest';
import { CellKind } from '../../sim/index.ts';
import { legendEntries } from '../../web/ui/kind-legend.ts';

describe('the page legend', () => {
  it('names every kind drawn, with counts, and the floor cells present', () => {
    const sections = [
      { kind: 'robot', count: 40, stride: 8, fields: [] },
      { kind: 'errand', count: 44, stride: 3, fields: ['x', 'z', 'robot'] },
      { kind: 'chute', count: 60, stride: 3, fields: ['x', 'z', 'sorted'] },
    ];
    const labels = legendEntries({ sections, cells: Uint8Array.from([CellKind.Wall, CellKind.Floor, CellKind.OneWay]) }).map((e) => e.label);
    expect(labels).toEqual([
      'robot holding (40 robots)',
      'robot driving a route',
      'robot lifting / dropping',
      'robot faulted',
      'errand task: where it goes next (44)',
      'sort chute (60)',
      'one-way lane (^ > v <)',
    ]);
  });
});
