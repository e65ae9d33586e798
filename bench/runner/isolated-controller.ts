/**
 * An untrusted controller in a worker thread, called synchronously: the host posts a call on a
 * MessagePort, wakes the worker through a SharedArrayBuffer and `Atomics.wait`s for the answer at
 * most the wall-clock budget. (A small hand-rolled channel rather than `synckit`: we need the
 * budget per call, ending the worker past it, and transferred typed arrays.) Observations cross as
 * a few transferred typed arrays (`createObservationEncoder`), not a deep copy of every object.
 * Wall-clock decides only whether the controller is stopped, never what it sees: a healthy
 * controller gives the same hash isolated and in-thread.
 */
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import { createObservationEncoder, staticObservationOf, transferablesOf, type ControllerReport, type FleetController, type FleetObservation, type ObservationEncoder } from '../../sim/index.ts';
import { UsageError } from '../usage-error.ts';
import { CallChannelHost, createChannelFlags } from './call-channel.ts';
import type { ControllerAnswer, ControllerCall } from './controller-worker.ts';
import { startTsWorker } from './ts-worker.ts';

/**
 * Default wall-clock budget of one control tick's `decide`, milliseconds. A healthy decide takes
 * milliseconds (tens at 1,000 robots), so 5 s still ends a hung controller's run within seconds,
 * while a stall of a loaded CI machine (a 1 s budget was seen to stop healthy controllers there)
 * does not turn a healthy run into a stopped one. Set `--controller-budget-ms` for tighter checks.
 */
export const DEFAULT_CONTROLLER_BUDGET_MS = 5000;
/** Budget of loading the module, of `reset` and of an episode's first `decide`: at least this many milliseconds. */
export const SETUP_BUDGET_MS = 20_000;

/** Why and when an isolated controller was stopped. */
export interface ControllerStop {
  reason: string;
  /** Tick of the control call that overran (-1 during setup). */
  tick: number;
}

/** A controller proxy whose real controller runs in a worker thread. */
export interface IsolatedController extends FleetController {
  /** Set once the controller overran its budget or its worker died; it then holds every robot. */
  readonly stopped: ControllerStop | null;
  /** Ends the worker (idempotent). */
  close(): void;
}

/** The error a stopped controller's call throws: the host records its message as `controller.failed`. */
export class ControllerStoppedError extends Error {
  override readonly name = 'ControllerStopped';
}

const TYPE_OF: Record<string, unknown> = { undefined: undefined, object: {}, function: () => undefined, number: 0, string: '', boolean: false };

/**
 * Starts `file` (a controller module path) in a worker thread and waits until it is loaded.
 * @throws UsageError when the module cannot be loaded (its message names why).
 */
export async function startIsolatedController(file: string, budgetMs = DEFAULT_CONTROLLER_BUDGET_MS): Promise<IsolatedController> {
  const flags = createChannelFlags();
  const { port1, port2 } = new MessageChannel();
  const entry = new URL('./controller-worker.ts', import.meta.url).href;
  const worker = startTsWorker(entry, {
    workerData: { file, flags: flags.buffer, port: port2 },
    transferList: [port2],
    stdout: false,
    stderr: false,
  });
  await waitReady(worker, file);
  return new WorkerController(worker, new CallChannelHost(flags, port1), port1, budgetMs);
}

function waitReady(worker: Worker, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`controller module "${file}" did not load within ${SETUP_BUDGET_MS / 1000} s`)), SETUP_BUDGET_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      void worker.terminate();
      reject(error instanceof UsageError ? error : new UsageError(error.message));
    };
    worker.once('message', () => {
      clearTimeout(timer);
      worker.removeAllListeners('error');
      worker.removeAllListeners('exit');
      resolve();
    });
    worker.once('error', (error) => fail(error));
    worker.once('exit', (code) => fail(new Error(`controller module "${file}": its worker exited (code ${code}) while loading`)));
  });
}

class WorkerController implements IsolatedController {
  name = 'isolated';
  scan?: { beams: number; rangeM: number };
  stopped: ControllerStop | null = null;
  private encoder: ObservationEncoder = createObservationEncoder();
  private fixedSent = false;
  private reports: unknown = undefined;

  constructor(
    private readonly worker: Worker,
    private readonly channel: CallChannelHost<ControllerCall, ControllerAnswer>,
    private readonly port: MessagePort,
    private readonly budgetMs: number,
  ) {
    worker.on('error', () => undefined);
  }

  reset(info: { seed: number; robots: number; roadmap: FleetObservation['roadmap'] }): void {
    this.encoder = createObservationEncoder();
    this.fixedSent = false;
    const out = this.call({ type: 'reset', seed: info.seed, robots: info.robots, roadmap: info.roadmap }, Math.max(SETUP_BUDGET_MS, this.budgetMs), -1, 'reset()');
    const about = out.value as { name: string; scan: { beams: number; rangeM: number } | null };
    this.name = String(about.name);
    if (about.scan) this.scan = about.scan;
  }

  decide(observation: FleetObservation): readonly never[] {
    if (this.stopped) return [];
    const encoded = this.encoder.encode(observation);
    const first = !this.fixedSent;
    const call: ControllerCall = { type: 'decide', observation: encoded, ...(first ? { fixed: staticObservationOf(observation) } : {}) };
    this.fixedSent = true;
    // The first call of an episode also warms up (JIT, lazy precomputation): it gets the setup budget.
    const out = this.call(call, first ? Math.max(SETUP_BUDGET_MS, this.budgetMs) : this.budgetMs, observation.tick, 'decide()', transferablesOf(encoded));
    if (Array.isArray(out.reports)) this.reports = [...(Array.isArray(this.reports) ? this.reports : []), ...(out.reports as unknown[])];
    if (out.returned !== undefined) return TYPE_OF[out.returned] as never[];
    return out.value as never[];
  }

  drainReports(): ControllerReport[] {
    const reports = this.reports;
    this.reports = undefined;
    return Array.isArray(reports) ? (reports as ControllerReport[]) : [];
  }

  saveState(): unknown {
    return this.stopped ? null : this.call({ type: 'save' }, this.budgetMs, -1, 'saveState()').value;
  }

  loadState(state: unknown): void {
    if (!this.stopped) this.call({ type: 'load', state }, this.budgetMs, -1, 'loadState()');
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }

  /** One synchronous call; throws the controller's own error, or stops it past the budget. */
  private call(call: ControllerCall, budgetMs: number, tick: number, what: string, transfer: ArrayBuffer[] = []): Extract<ControllerAnswer, { ok: true }> {
    const awaited = this.channel.call(call, budgetMs, transfer);
    if (awaited.kind === 'timeout') return this.stop(`${what} did not return within its budget of ${budgetMs} ms (--controller-budget-ms); the controller was stopped and its robots hold`, tick);
    if (awaited.kind === 'protocol') return this.stop(`${what}: ${awaited.reason}; the controller was stopped and its robots hold`, tick);
    const answer = awaited.body;
    if (answer.wroteIntoRoadmap) this.reports = [...(Array.isArray(this.reports) ? this.reports : []), { kind: 'observation-written' }];
    if (!answer.ok) throw new Error(answer.error);
    return answer;
  }

  private stop(reason: string, tick: number): never {
    this.stopped = { reason, tick };
    this.close();
    throw new ControllerStoppedError(reason);
  }
}
