import type { FleetObservation } from '../control/types.ts';

/**
 * A controller of the production cells (arms, and other kinds with commands), run beside the
 * fleet controller: at every control tick, after the fleet controller, on the same observation
 * (`observation.things.arm` …). Its commands address kinds (`{ thing: 'arm', id, kind, … }`).
 * Same rules as fleet controllers: no wall clock and no global random numbers; observations are read-only.
 */
export interface CellController {
  readonly name: string;
  /** Called once when an episode loads. */
  reset?(info: { seed: number }): void;
  decide(observation: FleetObservation): readonly unknown[];
  /** Its working memory as structured-cloneable data, for snapshots (restore → continue = uninterrupted). */
  saveState?(): unknown;
  /** Takes back what {@link saveState} gave. */
  loadState?(state: unknown): void;
}

/** A factory of cell controllers (what a module's default export gives, like fleet controllers). */
export type CellControllerFactory = () => CellController;
