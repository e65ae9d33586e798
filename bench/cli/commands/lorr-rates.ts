import type { LorrProblemInfo } from '../../../scenarios/index.ts';
import type { RunResult } from '../../run/run-scenario.ts';

/**
 * A run's throughput in League of Robot Runners terms. LoRR counts time in execution ticks,
 * `agentCounter` of them per Forward/Rotate action; here one action (a cell forward) takes
 * `cellM / maxSpeedMps` seconds, so an execution tick is `actionSec / agentCounter` seconds and
 * a run of `simulatedSec` spans `simulatedSec / tickSec` LoRR ticks.
 */
export interface LorrRates {
  tasksFinished: number;
  errandsReached: number;
  tasksPerHour: number;
  errandsPerHour: number;
  /** LoRR execution ticks the run spans, and tasks finished per such tick. */
  lorrTicks: number;
  tasksPerLorrTick: number;
  /** Tasks finished per LoRR action step (`agentCounter` ticks). */
  tasksPerLorrAction: number;
  tickSec: number;
  actionSec: number;
  agentCounter: number;
  /** How the rates were converted, in one sentence. */
  conversion: string;
}

/** The LoRR-comparable rates of `result`, a run of the problem `lorr`. */
export function lorrRates(result: RunResult, lorr: LorrProblemInfo): LorrRates {
  const errand = result.kpis.things?.errand as { tasksFinished?: number; errandsReached?: number } | undefined;
  const tasksFinished = errand?.tasksFinished ?? 0;
  const errandsReached = errand?.errandsReached ?? 0;
  const hours = result.simulatedSec / 3600;
  const lorrTicks = result.simulatedSec / lorr.tickSec;
  return {
    tasksFinished,
    errandsReached,
    tasksPerHour: hours > 0 ? tasksFinished / hours : 0,
    errandsPerHour: hours > 0 ? errandsReached / hours : 0,
    lorrTicks,
    tasksPerLorrTick: lorrTicks > 0 ? tasksFinished / lorrTicks : 0,
    tasksPerLorrAction: lorrTicks > 0 ? (tasksFinished / lorrTicks) * lorr.agentCounter : 0,
    tickSec: lorr.tickSec,
    actionSec: lorr.actionSec,
    agentCounter: lorr.agentCounter,
    conversion: `1 LoRR action (a cell forward) = ${lorr.actionSec.toFixed(3)} s at the robot's top speed; 1 execution tick = that / agentCounter ${lorr.agentCounter} = ${lorr.tickSec.toFixed(4)} s`,
  };
}

/** The rates as lines under the KPI table. */
export function formatLorrRates(r: LorrRates): string {
  const f = (v: number, d: number) => v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  return [
    `LoRR: ${r.tasksFinished} tasks and ${r.errandsReached} errands finished; ${f(r.tasksPerHour, 0)} tasks/h, ${f(r.errandsPerHour, 0)} errands/h`,
    `LoRR: ${f(r.lorrTicks, 0)} execution ticks: ${f(r.tasksPerLorrTick, 4)} tasks per tick, ${f(r.tasksPerLorrAction, 4)} per action step`,
    `LoRR: ${r.conversion}`,
  ].join('\n');
}
