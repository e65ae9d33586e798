import type { KindDef } from '../../kind/kind-def.ts';
import { faultsSpecSchema, type FaultsSpec } from './fault-events.ts';
import { commandLatency, observationNoise, robotBreakdown, stationClose } from './fault-handlers.ts';
import { faultKpis } from './fault-kpis.ts';
import { compileFaultPlan, faultPlanOf } from './fault-plan.ts';
import { activeUncertainty, closedStations, pauseClosedStations, runFaults } from './fault-stages.ts';
import { applyObservationNoise } from './observation-noise.ts';

declare module '../../events/sim-event.ts' {
  interface SimEventMap {
    /** A fault that concerns no single robot began: its kind, what it hits (station, node, or -1) and how long it lasts. */
    'fault.began': { fault: string; target: number; durationSec: number; x: number; z: number };
    /** That fault ended. */
    'fault.ended': { fault: string; target: number };
  }
}

/**
 * Faults and uncertainty that need no bodies: robot breakdowns (scripted `robot.breakdown`, or
 * seeded with MTBF/MTTR in section `faults`), closed stations (`station.close`), command latency
 * (`command.latency`) and noisy observations (`observation.noise`). Everything active is a function
 * of the timeline and the seed, so its table has one row and no columns; it shows in events, KPIs (`things.fault`)
 * and the observation (`things.fault`: closed stations, latency, noise).
 */
export const faultKind: KindDef<FaultsSpec, { id: number }> = {
  id: 'fault',
  spec: { key: 'faults', schema: faultsSpecSchema, description: 'Seeded faults: robot breakdowns by MTBF and MTTR.' },
  columns: {},
  compile(ctx) {
    const faultPlan = compileFaultPlan(ctx);
    // One row when faults are used, so the kind reports its KPIs (a kind with no things reports none).
    return { things: faultPlan.any ? [{ id: 0 }] : [], model: { faultPlan } };
  },
  stages: [
    { slot: 'process', run: ({ model, state }) => pauseClosedStations(model, state) },
    { slot: 'scripted', run: ({ model, state }) => runFaults(model, state) },
  ],
  scripted: {
    'robot.breakdown': robotBreakdown,
    'station.close': stationClose,
    'command.latency': commandLatency,
    'observation.noise': observationNoise,
  },
  observe(model, state) {
    if (!faultPlanOf(model).any) return { closedStations: [], latencyControlTicks: 0, noise: null };
    return { closedStations: closedStations(model, state.tick), ...activeUncertainty(model, state.tick) };
  },
  filterObservation: (observation, { model, state }, scanRangeM) => applyObservationNoise(model, state, observation.robots, scanRangeM),
  kpis: faultKpis,
};
