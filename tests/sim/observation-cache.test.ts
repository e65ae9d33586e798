import { describe, expect, it } from 'vitest';
import { restingLoadNodes } from '../../robots/fleet/occupancy.ts';
import { taskDigest } from '../../robots/fleet/task-digest.ts';
import { controllers } from '../../robots/index.ts';
import { observe, type FleetController, type FleetObservation, type SimHost } from '../../sim/index.ts';
import { makeHost, runCollect } from '../helpers/make-host.ts';

/**
 * Wraps the default controller: at every control tick compares what it is handed (built through the
 * host's observation cache, with reused views) with an observation built from scratch, and the
 * fleet parts' incremental digests with plain recomputations. Mismatches are collected, not thrown
 * (a throw inside `decide` would be reported as a controller failure and hold the fleet).
 */
function checkingController(getHost: () => SimHost) {
  const inner = controllers.reserve!();
  const mismatches: string[] = [];
  const stats = { observations: 0, loadsShared: 0, tasksShared: 0 };
  let previous: FleetObservation | null = null;
  const controller: FleetController = {
    name: 'checking',
    decide(observation) {
      const host = getHost();
      stats.observations += 1;
      const fresh = observe(host.model, host.state);
      try {
        expect(observation).toEqual(fresh);
      } catch {
        mismatches.push(`tick ${observation.tick}: cached observation differs from a fresh one`);
      }
      const ready = observation.tasks.filter((t) => t.phase === 'open' && t.ready);
      if (taskDigest(observation).ready.length !== ready.length || taskDigest(observation).ready.some((t, k) => t !== ready[k]))
        mismatches.push(`tick ${observation.tick}: ready tasks differ`);
      const active = new Int32Array(observation.stations.length);
      for (const t of observation.tasks)
        if (t.phase === 'assigned' || t.phase === 'carrying' || t.phase === 'picking') active[t.station] = active[t.station]! + 1;
      if (taskDigest(observation).activePerStation.join() !== active.join()) mismatches.push(`tick ${observation.tick}: active tasks per station differ`);
      const resting = new Uint8Array(observation.roadmap.nodeCount);
      for (const l of observation.loads) if (l.node !== null) resting[l.node] = 1;
      if (restingLoadNodes(observation).join() !== resting.join()) mismatches.push(`tick ${observation.tick}: resting-load nodes differ`);
      if (previous) {
        if (observation.loads === previous.loads) stats.loadsShared += 1;
        if (observation.tasks.some((t) => previous!.tasks.includes(t))) stats.tasksShared += 1;
      }
      previous = observation;
      return inner.decide(observation);
    },
    drainReports: () => inner.drainReports?.() ?? [],
    saveState: () => inner.saveState?.() ?? null,
    loadState: (s) => inner.loadState?.(s),
  };
  return { controller, mismatches, stats };
}

describe('observation cache', () => {
  it('hands out exactly what a fresh observation would show, sharing unchanged views, across a snapshot restore', async () => {
    let host: SimHost | null = null;
    const check = checkingController(() => host!);
    host = await makeHost({ seed: 7, controller: check.controller, overrides: { minutes: 4 } });
    runCollect(host, 4500);
    const snap = structuredClone(host.snapshot());
    runCollect(host, 300);
    // Back in time: every view must be rebuilt or re-validated against the restored state.
    host.restore(snap);
    runCollect(host, 900);
    expect(check.mismatches).toEqual([]);
    expect(check.stats.observations).toBe((4500 + 300 + 900) / host.model.controlEvery);
    // Most control ticks move no load and change few tasks: their views are handed out again.
    expect(check.stats.loadsShared).toBeGreaterThan(check.stats.observations / 4);
    expect(check.stats.tasksShared).toBeGreaterThan(check.stats.observations * 0.9);
  });

  it('shows a task assigned and released again (assign, unassign) as a fresh observation would', async () => {
    let host: SimHost | null = null;
    const mismatches: number[] = [];
    const phases: string[] = [];
    let taskId = -1;
    host = await makeHost({
      seed: 7,
      overrides: { minutes: 1 },
      controller: {
        name: 'assign-unassign',
        decide(observation) {
          if (JSON.stringify(observation) !== JSON.stringify(observe(host!.model, host!.state))) mismatches.push(observation.tick);
          if (taskId >= 0) phases.push(observation.tasks.find((t) => t.id === taskId)?.phase ?? 'gone');
          const k = observation.tick / observation.controlEvery;
          if (k === 2) {
            taskId = observation.tasks.find((t) => t.phase === 'open' && t.ready)!.id;
            return [{ kind: 'assign', robot: 0, task: taskId }];
          }
          return k === 4 ? [{ kind: 'unassign', robot: 0 }] : [];
        },
      },
    });
    runCollect(host, 30);
    expect(mismatches).toEqual([]);
    expect(phases.slice(0, 4)).toEqual(['assigned', 'assigned', 'open', 'open']);
  });

  it('freezes shared views, so a controller cannot change what a later tick sees', async () => {
    let seen: FleetObservation | null = null;
    const host = await makeHost({
      seed: 7,
      overrides: { minutes: 1 },
      controller: {
        name: 'peek',
        decide(observation) {
          seen ??= observation;
          return [];
        },
      },
    });
    runCollect(host, 30);
    const load = seen!.loads[0]!;
    expect(Object.isFrozen(load)).toBe(true);
    expect(Object.isFrozen(seen!.tasks)).toBe(true);
    expect(() => {
      (load as { node: number | null }).node = -5;
    }).toThrow(TypeError);
  });
});
