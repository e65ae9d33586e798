import type { ControllerReport, FleetObservation, RobotCommand } from '../../sim/index.ts';
import type { ControllerStop, IsolatedController } from './isolated-controller.ts';

/** What a pipelined controller keeps across a snapshot: the worker's state and the commands due next. */
interface PipelinedState {
  readonly inner: unknown;
  readonly due: readonly RobotCommand[];
}

/**
 * An isolated controller that decides while the world steps (`--pipeline`): at each control tick
 * it posts the observation to its worker and returns the commands the worker made from the
 * previous control tick's observation, so the host steps the next `controlEvery` ticks while the
 * worker decides. The cost is a latency of one control period (`controlEvery / hz` seconds):
 * commands act one period after what they were made from, and the first period the robots hold.
 * Results are deterministic all the same: commands depend only on the observations, and the host
 * waits for the answer it needs, however busy the machine.
 */
export class PipelinedController implements IsolatedController {
  /** Commands due at the next control tick, once taken from the worker (or restored from a snapshot). */
  private due: readonly RobotCommand[] = [];
  /** Whether an observation is with the worker, its answer not yet collected. */
  private posted = false;

  constructor(private readonly inner: IsolatedController) {}

  get name(): string {
    return `${this.inner.name} (pipelined)`;
  }

  get scan(): { beams: number; rangeM: number } | undefined {
    return this.inner.scan;
  }

  get stopped(): ControllerStop | null {
    return this.inner.stopped;
  }

  reset(info: Parameters<NonNullable<IsolatedController['reset']>>[0]): void {
    // An answer still owed by the last episode is taken and dropped: one call at a time.
    if (this.posted) this.inner.collectDecision();
    this.inner.reset?.(info);
    this.due = [];
    this.posted = false;
  }

  decide(observation: FleetObservation): readonly RobotCommand[] {
    // Post before waiting for the answer owed: the worker then starts on this observation the moment
    // it has answered the last one, instead of idling while the host takes that answer and encodes
    // this one. It still decides them in order, on the same observations: same commands.
    const owed = this.posted;
    this.inner.postDecision(observation);
    this.posted = true;
    if (owed) this.due = this.inner.collectDecision();
    const due = this.due;
    this.due = [];
    return due;
  }

  drainReports(): ControllerReport[] {
    return this.inner.drainReports?.() ?? [];
  }

  /** The worker's state and the commands due next (waiting for the worker's answer first). */
  saveState(): unknown {
    const due = this.takeDue();
    this.due = due;
    return { inner: this.inner.saveState?.() ?? null, due } satisfies PipelinedState;
  }

  loadState(state: unknown): void {
    const saved = state as PipelinedState;
    this.inner.loadState?.(saved.inner);
    this.due = saved.due;
    this.posted = false;
  }

  postDecision(observation: FleetObservation): void {
    this.inner.postDecision(observation);
  }

  collectDecision(): readonly RobotCommand[] {
    return this.inner.collectDecision();
  }

  settle(): Promise<void> {
    return this.inner.settle();
  }

  close(): void {
    this.inner.close();
  }

  /** The commands due now: the worker's answer to the last posted observation (waited for), or those kept. */
  private takeDue(): readonly RobotCommand[] {
    if (this.posted) {
      this.posted = false;
      this.due = this.inner.collectDecision();
    }
    const due = this.due;
    this.due = [];
    return due;
  }
}
