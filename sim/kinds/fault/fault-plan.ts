import type { KindCompileContext } from '../../kind/kind-def.ts';
import { windowOf, type CommandLatencyEvent, type FaultsSpec, type FaultWindow, type ObservationNoiseEvent, type StationCloseEvent } from './fault-events.ts';

/**
 * The scenario's faults as the model holds them (`model.faultPlan`): the scripted windows of the
 * faults that need no state of their own, derived from the timeline alone, and the seeded
 * breakdown rates. Pure data: what is active at a tick is a function of the tick.
 */
export interface FaultPlan {
  readonly stationClosures: readonly FaultWindow<StationCloseEvent>[];
  readonly latency: readonly FaultWindow<CommandLatencyEvent>[];
  readonly noise: readonly FaultWindow<ObservationNoiseEvent>[];
  /** Largest command latency, control ticks (0: none): the latency table's row count less one. */
  readonly maxLatencyControlTicks: number;
  readonly breakdowns: { readonly mtbfSec: number; readonly mttrSec: number; readonly fromTick: number } | null;
  /** Whether the scenario uses any fault of this issue (otherwise the fault kind has no row, no KPIs, and its stages do nothing). */
  readonly any: boolean;
}

/** The scripted fault kinds of this issue (the robot kind's older `robot.stall` is counted too once any of these is used). */
const FAULT_EVENT_KINDS: ReadonlySet<string> = new Set(['robot.breakdown', 'station.close', 'command.latency', 'observation.noise', 'node.block', 'item.drop']);

/** Builds the plan from the `faults` section and the spec's timeline. */
export function compileFaultPlan(ctx: KindCompileContext<FaultsSpec>): FaultPlan {
  const hz = (ctx.spec.physics as { hz: number }).hz;
  // The validated timeline: these three kinds parsed by their schemas, the others passed over here.
  const events = (ctx.spec.events ?? []) as ReadonlyArray<StationCloseEvent | CommandLatencyEvent | ObservationNoiseEvent>;
  const stationClosures: FaultWindow<StationCloseEvent>[] = [];
  const latency: FaultWindow<CommandLatencyEvent>[] = [];
  const noise: FaultWindow<ObservationNoiseEvent>[] = [];
  for (const e of events) {
    if (e.kind === 'station.close') stationClosures.push(windowOf(e, e.durationSec, hz));
    else if (e.kind === 'command.latency') latency.push(windowOf(e, e.durationSec, hz));
    else if (e.kind === 'observation.noise') noise.push(windowOf(e, e.durationSec, hz));
  }
  const b = ctx.section?.breakdowns;
  const breakdowns = b ? { mtbfSec: b.mtbfSec, mttrSec: b.mttrSec, fromTick: Math.round((b.fromSec ?? 0) * hz) } : null;
  const maxLatencyControlTicks = latency.reduce((m, w) => Math.max(m, w.event.controlTicks), 0);
  const any = breakdowns !== null || events.some((e) => FAULT_EVENT_KINDS.has(e.kind));
  return { stationClosures, latency, noise, maxLatencyControlTicks, breakdowns, any };
}

/** The model's fault plan (every model has one; an empty one without faults). */
export function faultPlanOf(model: unknown): FaultPlan {
  return (model as { faultPlan: FaultPlan }).faultPlan;
}
