import type { Distribution, ScenarioSpecInput } from '../../sim/index.ts';
import { EXAMPLE_SEED } from '../../sim/index.ts';

/** One station of a generated flow line: its processing time and, optionally, failures (exponential MTBF/MTTR). */
export interface FlowLineStation {
  process: Distribution;
  /** Mean time between failures, seconds (exponential); none when absent. */
  mtbfSec?: number;
  /** Mean time to repair, seconds (exponential); required with `mtbfSec`. */
  mttrSec?: number;
  /** What the failure clock counts (default `time`, calendar time). */
  failureBasis?: 'time' | 'operations';
  scrapProbability?: number;
}

/** Parameters of a serial flow line: source → M1 → B1 → M2 → … → Mn → sink. */
export interface FlowLineParams {
  /** The machines in flow order (≥ 1). */
  stations: readonly FlowLineStation[];
  /** Capacity of every buffer between two machines, or one per gap (`stations.length − 1` values); 0: direct transfer. */
  bufferCapacity: number | readonly number[];
  /** Blocking of every buffer (default `after-service`). */
  blocking?: 'after-service' | 'before-service';
  /** CONWIP release: this many cards in the loop (the source releases a unit whenever one leaves). */
  conwipCards?: number;
  /** Warm-up, seconds: line KPIs leave it out. */
  warmupSec?: number;
  /** Time between arrivals at the source; absent: unlimited supply (a saturated line). */
  interarrival?: Distribution;
  /** Simulated horizon, minutes (default 60). */
  minutes?: number;
  /** Ticks per second (default 30). */
  hz?: number;
  /** Short name used in the id (`production/flow-<name>@1`); default `gen-<n>m`. */
  name?: string;
}

/**
 * A serial flow line as a scenario spec: one `line` section with a source `SRC`, machines
 * `M1…Mn`, buffers `B1…B(n−1)` between them and a sink `SINK`, on a bare walled floor sized to
 * the drawing positions (no fleet, no storage, no orders). Pure: the same parameters always give
 * the same spec.
 * @throws RangeError naming the parameter when it is out of range.
 */
export function generateFlowLine(params: FlowLineParams): ScenarioSpecInput {
  const n = params.stations.length;
  if (!Number.isInteger(n) || n < 1 || n > 200) throw new RangeError(`stations must hold 1..200 machines, got ${n}`);
  const caps = typeof params.bufferCapacity === 'number' ? Array.from({ length: n - 1 }, () => params.bufferCapacity as number) : [...params.bufferCapacity];
  if (caps.length !== n - 1) throw new RangeError(`bufferCapacity needs ${n - 1} values (one per gap), got ${caps.length}`);
  caps.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`bufferCapacity[${i}] must be an integer ≥ 0, got ${c}`);
  });
  const at = (slot: number) => ({ xM: 1.5 + 1.5 * slot, zM: 2.5 });
  const machines = params.stations.map((s, i) => {
    if ((s.mtbfSec === undefined) !== (s.mttrSec === undefined)) throw new RangeError(`stations[${i}]: give both mtbfSec and mttrSec, or neither`);
    return {
      name: `M${i + 1}`,
      from: i === 0 ? 'SRC' : `B${i}`,
      to: i === n - 1 ? 'SINK' : `B${i + 1}`,
      process: s.process,
      ...(s.mtbfSec !== undefined
        ? {
            failure: {
              basis: s.failureBasis ?? 'time',
              timeToFailure: { dist: 'exponential', meanSec: s.mtbfSec },
              repair: { dist: 'exponential', meanSec: s.mttrSec! },
            },
          }
        : {}),
      ...(s.scrapProbability ? { scrapProbability: s.scrapProbability } : {}),
      position: at(1 + 2 * i),
    };
  });
  const cols = Math.ceil(at(2 * n + 1).xM + 2);
  const rows = ['#'.repeat(cols), ...Array.from({ length: 3 }, () => `#${'.'.repeat(cols - 2)}#`), '#'.repeat(cols)];
  const name = params.name ?? `gen-${n}m`;
  return {
    id: `production/flow-${name}@1`,
    title: `Flow line, ${n} machines`,
    description: `Serial line of ${n} machines with buffers of ${caps.join('/') || '—'} units, ${params.interarrival ? 'paced arrivals' : 'saturated source'}; purely logical (no conveyor).`,
    stresses: `blocking and starving along ${n} machines joined by finite buffers`,
    layout: { rows, cellM: 1 },
    line: {
      ...(params.warmupSec !== undefined ? { warmupSec: params.warmupSec } : {}),
      sources: [
        {
          name: 'SRC',
          ...(params.interarrival ? { interarrival: params.interarrival } : {}),
          ...(params.conwipCards !== undefined ? { conwip: { cards: params.conwipCards } } : {}),
          position: at(0),
        },
      ],
      machines,
      buffers: caps.map((capacity, i) => ({ name: `B${i + 1}`, capacity, ...(params.blocking ? { blocking: params.blocking } : {}), position: at(2 + 2 * i) })),
      sinks: [{ name: 'SINK', position: at(2 * n) }],
    },
    physics: { hz: params.hz ?? 30, controlEvery: 3 },
    horizonSec: (params.minutes ?? 60) * 60,
    seed: EXAMPLE_SEED,
  };
}
