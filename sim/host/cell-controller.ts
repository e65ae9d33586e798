import type { FleetObservation } from '../control/types.ts';

/**
 * A controller of the production cells (arms, and other kinds with commands), run beside the
 * fleet controller: at every control tick, after the fleet controller, on the same observation
 * (`observation.things.arm` …). Its commands address kinds (`{ thing: 'arm', id, kind, … }`).
 * Same rules as fleet controllers: no clock, no `Math.random`, observations are read-only.
 */
export interface CellController {
  readonly name: string;
  /** Called once when an episode loads. */
  reset?(info: { seed: number }): void;
  decide(observation: FleetObservation): readonly unknown[];
}

/** A factory of cell controllers (what a module's default export gives, like fleet controllers). */
export type CellControllerFactory = () => CellController;
