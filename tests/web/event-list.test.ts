import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/page-api.ts';
import { placeEvents } from '../../web/ui/event-list.ts';

describe('the page event list', () => {
  it('shows a progress stall with the waiting work and the still robots, placed at the first still robot', () => {
    const stalled = {
      type: 'progress.stalled',
      tick: 27150,
      sinceTick: 18148,
      stalledSec: 300.07,
      waiting: { 'errand tasks': 44 },
      stillRobots: [3, 5],
    } as SimEvent;
    const placed = placeEvents([stalled], (robot) => (robot === 3 ? { x: 4, z: 7 } : null), 30);
    expect(placed).toEqual([
      { tick: 27150, kind: 'stalled', text: '905.0 s progress stalled: nothing delivered for 300 s while 44 errand tasks waited; 2 robots still', x: 4, z: 7 },
    ]);
  });
});
