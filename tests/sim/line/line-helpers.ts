import { generateFlowLine, type FlowLineParams } from '../../../scenarios/index.ts';
import type { ScenarioSpecInput, SimEvent, SimHost } from '../../../sim/index.ts';

/** A generated flow line with the horizon in seconds. */
export function flowSpec(params: Omit<FlowLineParams, 'minutes'>, horizonSec: number): ScenarioSpecInput {
  return { ...generateFlowLine(params), horizonSec };
}

/** Runs to the horizon, handing every event to `onEvent` (nothing kept: long runs stay small). */
export function runEach(host: SimHost, onEvent: (e: SimEvent) => void): void {
  while (!host.done) for (const e of host.advance(3000).events) onEvent(e);
}

/** Mean and standard error of batch means: `values` are per-batch figures of one long run. */
export function batchMeans(values: readonly number[]): { mean: number; se: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}
