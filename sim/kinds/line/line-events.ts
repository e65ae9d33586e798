import type { MachineStateName } from './line-columns.ts';

/** Events of the production line. Every one carries `atSec`, the exact event time (not rounded to the tick). */
declare module '../../events/sim-event.ts' {
  interface SimEventMap {
    /** The line's things, once at its first tick: lets KPI reducers know every machine, its ideal cycle time and the warm-up (present only when there is one). */
    'line.started': { atSec: number; machines: string[]; idealCycleSec: number[]; warmupSec?: number };
    /** A unit entered the line at a source. */
    'unit.released': { source: number; unit: number; product: number; atSec: number };
    /** A machine finished processing a unit (`scrapped`: the unit was scrapped there). */
    'unit.processed': { machine: number; name: string; unit: number; scrapped: boolean; idealCycleSec: number; atSec: number };
    /** A unit reached a sink, `cycleSec` after its release. */
    'unit.completed': { sink: number; unit: number; product: number; cycleSec: number; atSec: number };
    /** A machine changed state. */
    'machine.state': { machine: number; name: string; from: MachineStateName; to: MachineStateName; reason: string; atSec: number };
    /** A machine went down: a failure of its own, or a scripted `machine.down`. */
    'machine.failed': { machine: number; name: string; scripted: boolean; repairSec: number; atSec: number };
    'machine.repaired': { machine: number; name: string; atSec: number };
    /** A scripted `source.burst` added units to a source. */
    'source.burst': { source: number; units: number; atSec: number };
  }
}
