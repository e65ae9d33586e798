import { createHandedRoadmap, handModelRoadmap } from '../control/handed-roadmap.ts';
import { createObservationCache, type ObservationCache } from '../control/observation-cache.ts';
import { observe } from '../control/observe.ts';
import type { ControllerReport, FleetController, FleetObservation } from '../control/types.ts';
import type { SimModel } from '../model/sim-model.ts';
import type { SimState } from '../state/sim-state.ts';
import type { CellController } from './cell-controller.ts';

/** Where a host's controller calls are timed (milliseconds; absent: not timed). */
export interface CallTiming {
  readonly clock: (() => number) | undefined;
  readonly timing: { controllerMs: number };
}

/**
 * What a host does around one episode's controllers: observes for them, calls them on the one
 * decision path ({@link decision}: the fleet controller's `decide` or `decideAsync`, then the
 * cell controller's), checks what they return, turns their reports into events and undoes what
 * they wrote into the roadmap they were handed. A trusted controller (built in) is handed the
 * model's roadmap and unfrozen views instead of copies.
 */
export class ControllerCalls {
  /** Commands the fleet controller returned this episode (accepted or not); not part of the state. */
  commandsIssued = 0;
  /** Views reused between observations; it compares every field, so a restore needs no reset. */
  private readonly cache: ObservationCache = createObservationCache();
  /** Whether the controller was found writing into its observation this episode (reported once). */
  private wroteIntoObservation = false;

  constructor(
    readonly controller: FleetController,
    readonly cellController: CellController | null,
    private readonly model: SimModel,
    private readonly trusted: boolean,
    private readonly timed: CallTiming,
  ) {
    this.cache.roadmap = trusted ? handModelRoadmap(model.roadmap) : createHandedRoadmap(model.roadmap);
    this.cache.roadmapOf = model;
  }

  /** Resets both controllers for an episode with `seed`, then checks the roadmap they were handed. */
  reset(state: SimState, seed: number): void {
    const model = this.model;
    this.controller.reset?.({
      seed,
      robots: model.kinds.drivers ? (model.things[model.kinds.drivers.id]?.length ?? 0) : 0,
      roadmap: this.cache.roadmap!.roadmap,
    });
    this.cellController?.reset?.({ seed });
    this.repairObservation(state);
  }

  /**
   * The one decision of a control tick, for every kind of controller: observes, calls `decide`
   * (or, when `awaitAsync` and the controller has one, yields the promise of `decideAsync` and
   * takes what the driver hands back), checks the result, and hands the commands on with the cell
   * controller's. A throw, a rejection or a non-array result holds every robot and is reported.
   */
  *decision(state: SimState, awaitAsync: boolean): Generator<Promise<unknown>, readonly unknown[], unknown> {
    const controller = this.controller;
    const observation = this.observe(state);
    const isAsync = awaitAsync && controller.decideAsync !== undefined;
    const t0 = this.timed.clock?.();
    let out: unknown;
    let failure: string | null = null;
    try {
      out = isAsync ? yield controller.decideAsync!(observation) : controller.decide(observation);
      if (!Array.isArray(out))
        failure = `${isAsync ? 'decideAsync() resolved to' : 'decide() returned'} ${out === null ? 'null' : typeof out}, not an array of commands`;
    } catch (error) {
      // A host that stops an untrusted controller (past its budget) says why in its own words.
      failure =
        error instanceof Error && error.name === 'ControllerStopped'
          ? error.message
          : `${isAsync ? 'decideAsync() failed' : 'decide() threw'}: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (t0 !== undefined) this.timed.timing.controllerMs += this.timed.clock!() - t0;
    return this.finishDecision(state, out, failure, observation);
  }

  /** The observation of this control tick, as `decide` gets it. */
  private observe(state: SimState): FleetObservation {
    const scan = this.controller.scan;
    const usableScan = scan && scan.beams >= 1 && scan.beams <= 720 && scan.rangeM > 0 ? scan : undefined;
    return observe(this.model, state, usableScan, this.cache, this.trusted);
  }

  /** Reports and holds on a failed decision; otherwise collects the controller's reports and hands the commands on. */
  private finishDecision(state: SimState, out: unknown, failure: string | null, observation: FleetObservation): readonly unknown[] {
    this.repairObservation(state);
    if (failure === null) {
      this.commandsIssued += (out as unknown[]).length;
      this.collectReports(state);
      return this.cellController ? [...(out as unknown[]), ...this.decideCells(state, observation)] : (out as unknown[]);
    }
    state.events.push({ type: 'controller.failed', tick: state.tick, message: failure });
    for (const kind of this.model.kinds.kinds) kind.holdSafely?.({ model: this.model, state }, failure);
    return this.cellController ? this.decideCells(state, observation) : [];
  }

  /** Runs the cell controller; a throw or a non-array result gives no cell commands and is reported. */
  private decideCells(state: SimState, observation: FleetObservation): readonly unknown[] {
    const t0 = this.timed.clock?.();
    let out: unknown;
    try {
      out = this.cellController!.decide(observation);
    } catch (error) {
      out = new Error(`decide() threw: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (t0 !== undefined) this.timed.timing.controllerMs += this.timed.clock!() - t0;
    if (Array.isArray(out)) return out;
    const message = out instanceof Error ? out.message : `decide() returned ${out === null ? 'null' : typeof out}, not an array of commands`;
    state.events.push({ type: 'controller.failed', tick: state.tick, message: `cell controller ${this.cellController!.name}: ${message}` });
    return [];
  }

  /**
   * Puts back anything the controller wrote into what it was handed (the roadmap's arrays; the
   * other views are frozen), so the model and the next observation stay as they were; reported
   * once per episode as `controller.failed`.
   */
  private repairObservation(state: SimState, wrote = false): void {
    if (!(wrote || this.cache.roadmap?.repair()) || this.wroteIntoObservation) return;
    this.wroteIntoObservation = true;
    state.events.push({
      type: 'controller.failed',
      tick: state.tick,
      message: 'the controller wrote into the roadmap it was handed; the writes were undone (observations are read-only)',
    });
  }

  /** Turns a controller's reports into events; malformed reports are ignored. */
  private collectReports(state: SimState): void {
    let reports: unknown;
    try {
      reports = this.controller.drainReports?.();
    } catch {
      return;
    }
    if (!Array.isArray(reports)) return;
    for (const rep of reports as ControllerReport[]) {
      if (rep?.kind === 'deadlock' && Array.isArray(rep.robots)) {
        state.events.push({
          type: 'deadlock.detected',
          tick: state.tick,
          robots: [...rep.robots],
          waitedSec: Number(rep.waitedSec) || 0,
          source: 'controller',
        });
      } else if (rep?.kind === 'observation-written') {
        this.repairObservation(state, true);
      } else if (rep?.kind === 'lagging') {
        state.events.push({ type: 'route.lagging', tick: state.tick, robot: rep.robot, node: rep.node, lagSec: Number(rep.lagSec) || 0 });
      }
    }
  }
}
