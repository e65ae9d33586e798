import { expect } from 'vitest';
import type { DriveOutcome } from './master-control-drive.ts';

/** What every drive must show, whichever broker carried it. */
export function expectSpecBehaviour(d: DriveOutcome): void {
  expect(d.invalid).toEqual([]);
  for (const topic of ['state', 'visualization', 'connection', 'factsheet']) expect(d.counts.get(topic) ?? 0).toBeGreaterThan(0);
  expect(d.processed.a).toEqual({ byCancelation: false, active: false });
  expect(d.processed.b).toEqual({ byCancelation: false, active: false });
  expect(d.processed.c).toEqual({ byCancelation: true, active: false });
  expect(d.processed.d).toEqual({ byCancelation: false, active: true });
  expect(d.processed.dUpdate).toEqual({ byCancelation: false, active: false });
  // Pick then drop: the vehicles end empty-handed on their drop nodes, both actions finished.
  for (const role of ['a', 'b']) {
    const s = d.finalStates[role]!;
    expect(s.loads).toEqual([]);
    expect(s.lastNodeId).toBe(d.expectedEnd[role]!.nodeId);
    expect(Math.hypot(s.agvPosition.x - d.expectedEnd[role]!.x, s.agvPosition.y - d.expectedEnd[role]!.y)).toBeLessThan(0.1);
    expect(
      s.actionStates
        .filter((a: { actionType: string }) => a.actionType === 'pick' || a.actionType === 'drop')
        .map((a: { actionStatus: string }) => a.actionStatus),
    ).toEqual(['FINISHED', 'FINISHED']);
  }
  // Paused: the vehicle stood still.
  expect(d.pausedPositions.length).toBeGreaterThanOrEqual(4);
  for (const p of d.pausedPositions) expect(Math.hypot(p.x - d.pausedPositions[0]!.x, p.y - d.pausedPositions[0]!.y)).toBeLessThan(0.01);
  // Cancelled: no nodes left, stopped. Updated: the whole route driven.
  expect(d.finalStates.c!.nodeStates).toEqual([]);
  expect(d.finalStates.c!.driving).toBe(false);
  expect(d.finalStates.d!.lastNodeId).toBe(d.expectedEnd.d!.nodeId);
  expect(d.finalStates.d!.orderUpdateId).toBe(1);
  expect(d.finalStates.d!.nodeStates).toEqual([]);
  const v = d.result.vda;
  expect(v.ordersAccepted).toBe(4);
  expect(v.ordersCompleted).toBe(3);
  expect(v.ordersCancelled).toBe(1);
  expect(v.updatesAccepted).toBe(1);
  expect(v.actionsFinished).toBe(4);
  expect(v.actionsFailed).toBe(0);
  expect(v.errors).toBe(0);
  expect(v.orderToMotionSamples).toBe(4);
  // The session says goodbye: every vehicle's retained connection is OFFLINE.
  expect([...d.connectionStates.values()].every((s) => s === 'OFFLINE')).toBe(true);
}
