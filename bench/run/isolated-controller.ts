/**
 * An untrusted controller in a worker thread, called synchronously: the host posts a call on a
 * MessagePort, wakes the worker through a SharedArrayBuffer and `Atomics.wait`s for the answer at
 * most the wall-clock budget. (A small hand-rolled channel rather than `synckit`: we need the
 * budget per call, ending the worker past it, and transferred typed arrays.) Observations cross as
 * a few transferred typed arrays (`createObservationEncoder`), not a deep copy of every object.
 * Wall-clock decides only whether the controller is stopped, never what it sees: a healthy
 * controller gives the same hash isolated and in-thread. The call channel itself is
 * `call-channel.ts`.
 *
 * Isolation is a fault boundary, not a security sandbox: it stops a controller that hangs, throws,
 * returns garbage, holds too much memory or tries to end the process, and reports why; code that
 * sets out to escape (native addons, child processes, the file system) is not contained.
 */
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import {
  createObservationEncoder,
  staticObservationOf,
  transferablesOf,
  type ControllerReport,
  type FleetController,
  type FleetObservation,
  type ObservationEncoder,
  type RobotCommand,
} from '../../sim/index.ts';
import { UsageError } from './usage-error.ts';
import { type AwaitedAnswer, CallChannelHost, createChannelFlags } from './call-channel.ts';
import type { ControllerAnswer, ControllerCall } from './controller-worker.ts';
import { startTsWorker } from './ts-worker.ts';
import { loadNote, loadScaledBudget } from './load-scaled-budget.ts';

/**
 * Default wall-clock budget of one control tick's `decide`, milliseconds. A healthy decide takes
 * milliseconds (tens at 1,000 robots), so 5 s still ends a hung controller's run within seconds,
 * while a stall of a loaded CI machine (a 1 s budget was seen to stop healthy controllers there)
 * does not turn a healthy run into a stopped one. Set `--controller-budget-ms` for tighter checks.
 */
export const DEFAULT_CONTROLLER_BUDGET_MS = 5000;
/** Default memory limit of an isolated controller (heap and off-heap buffers), MiB. */
export const DEFAULT_CONTROLLER_MEMORY_MB = 2048;

/**
 * The worker's young generation, MiB (V8's default is 48 on 64-bit). A controller builds a whole
 * observation's views and its plans every control tick; in the default young generation enough of
 * them lived through two scavenges to be promoted, and the old generation's collections then
 * stalled the worker 6–23 ms about once in 50 control ticks (2,500 LoRR robots, pipelined: the host
 * waited for the worker 358 ms in 1,800 ticks). With 128 MiB they die young (95 ms); 64 MiB helped
 * no more than the default, 256 no more than 128. Garbage not yet scavenged counts towards the
 * controller's memory limit, so a small limit gets at most a quarter of it.
 */
const CONTROLLER_YOUNG_GENERATION_MB = 128;

/** The young generation of a worker whose controller may hold `memoryMb`. */
function youngGenerationMb(memoryMb: number): number {
  return Math.min(CONTROLLER_YOUNG_GENERATION_MB, Math.max(16, Math.floor(memoryMb / 4)));
}

/** Budget of loading the module, of `reset` and of an episode's first `decide`: at least this many milliseconds. */
export const SETUP_BUDGET_MS = 20_000;

/** What stopped an isolated controller: its time budget, its memory limit, its worker ending or crashing, or a broken call channel. */
export type ControllerStopCause = 'time' | 'memory' | 'exit' | 'crash' | 'protocol';

/** Why and when an isolated controller was stopped. */
export interface ControllerStop {
  reason: string;
  cause: ControllerStopCause;
  /** Tick of the control call that overran (-1 during setup). */
  tick: number;
}

/** A controller proxy whose real controller runs in a worker thread. */
export interface IsolatedController extends FleetController {
  /** Set once the controller overran its budget or its worker died; it then holds every robot. */
  readonly stopped: ControllerStop | null;
  /**
   * Lets the worker's own end be heard (its `exit` and `error` events arrive only once the event
   * loop turns): a controller stopped for time whose worker had in fact died is then reported by
   * what ended it (memory or a crash).
   */
  settle(): Promise<void>;
  /** Ends the worker (idempotent). */
  close(): void;
  /**
   * `decide` in two halves: sends this control tick's observation and returns at once, so the
   * host can step the world while the worker decides ({@link collectDecision} takes the answer).
   * At most two may be in flight: the next observation can be posted before the answer to the one
   * before is collected, so the worker starts on it as soon as it has answered.
   */
  postDecision(observation: FleetObservation): void;
  /** Waits (within the budget) for the answer to the oldest observation posted and not collected: its commands. */
  collectDecision(): readonly RobotCommand[];
}

/** Limits of an isolated controller. */
export interface ControllerLimits {
  /** Wall-clock budget of one `decide`, milliseconds. */
  budgetMs?: number;
  /** Heap plus off-heap memory the controller may hold, MiB. */
  memoryMb?: number;
  /**
   * A controller shipped in this repository (a registry name), run in a worker only to decide
   * while the world steps (`--pipeline`): it is handed the roadmap it was sent without a
   * defensive copy, and nothing checks it for writes after each call (on the 2.2-million-node
   * iron-harvest map that check compared 113 MB a control tick).
   */
  trusted?: boolean;
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
export async function startIsolatedController(file: string, limits: ControllerLimits = {}): Promise<IsolatedController> {
  const budgetMs = limits.budgetMs ?? DEFAULT_CONTROLLER_BUDGET_MS;
  const memoryMb = limits.memoryMb ?? DEFAULT_CONTROLLER_MEMORY_MB;
  const flags = createChannelFlags();
  const { port1, port2 } = new MessageChannel();
  const entry = new URL('./controller-worker.ts', import.meta.url).href;
  const worker = startTsWorker(entry, {
    workerData: { file, flags: flags.buffer, port: port2, memoryMb, trusted: limits.trusted === true },
    transferList: [port2],
    // The heap is also capped by V8 (a worker past it is ended with ERR_WORKER_OUT_OF_MEMORY); the
    // worker checks heap plus off-heap memory itself after every call.
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: youngGenerationMb(memoryMb) },
    stdout: false,
    stderr: false,
  });
  await waitReady(worker, file);
  return new WorkerController(worker, new CallChannelHost(flags, port1), port1, budgetMs, memoryMb);
}

function waitReady(worker: Worker, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const budget = loadScaledBudget(SETUP_BUDGET_MS);
    const timer = setTimeout(
      () => fail(new Error(`controller module "${file}" did not load within ${SETUP_BUDGET_MS / 1000} s${loadNote(budget.factor)}`)),
      budget.ms,
    );
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
    private readonly memoryMb: number,
  ) {
    this.ended = new Promise((resolve) => {
      worker.on('error', (error) => (this.crash ??= error));
      worker.once('exit', () => resolve());
    });
  }

  private crash: (Error & { code?: string }) | null = null;
  /** The process's resident memory once the worker had loaded, bytes. */
  private readonly rssAtStartBytes = process.memoryUsage.rss();
  private readonly ended: Promise<void>;

  async settle(): Promise<void> {
    if (this.stopped?.cause !== 'time') return;
    // The worker is being ended by close(); its own end, if it came first, is what we hear.
    await Promise.race([this.ended, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    const crash = this.crash;
    if (crash?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      this.stopped = {
        ...this.stopped,
        cause: 'memory',
        reason: `the controller's worker ran out of memory (limit ${this.memoryMb} MB, --controller-memory-mb); the controller was stopped and its robots hold`,
      };
    } else if (crash) {
      this.stopped = {
        ...this.stopped,
        cause: 'crash',
        reason: `the controller's worker crashed: ${crash.message}; the controller was stopped and its robots hold`,
      };
    }
  }

  reset(info: { seed: number; robots: number; roadmap: FleetObservation['roadmap'] }): void {
    this.encoder = createObservationEncoder();
    this.fixedSent = false;
    const out = this.call(
      { type: 'reset', seed: info.seed, robots: info.robots, roadmap: info.roadmap },
      Math.max(SETUP_BUDGET_MS, this.budgetMs),
      -1,
      'reset()',
    );
    const about = out.value as { name: string; scan: { beams: number; rangeM: number } | null };
    this.name = String(about.name);
    if (about.scan) this.scan = about.scan;
  }

  decide(observation: FleetObservation): readonly never[] {
    this.postDecision(observation);
    return this.collectDecision();
  }

  /** The decide calls posted and not yet collected, oldest first: their numbers, budgets and ticks. */
  private readonly posted: Array<{ seq: number; budgetMs: number; tick: number }> = [];

  postDecision(observation: FleetObservation): void {
    if (this.stopped) return;
    const encoded = this.encoder.encode(observation);
    const first = !this.fixedSent;
    const call: ControllerCall = { type: 'decide', observation: encoded, ...(first ? { fixed: staticObservationOf(observation) } : {}) };
    this.fixedSent = true;
    // The first call of an episode also warms up (JIT, lazy precomputation): it gets the setup budget.
    const budgetMs = first ? Math.max(SETUP_BUDGET_MS, this.budgetMs) : this.budgetMs;
    this.posted.push({ seq: this.channel.post(call, transferablesOf(encoded)), budgetMs, tick: observation.tick });
  }

  collectDecision(): readonly never[] {
    const posted = this.posted.shift();
    if (this.stopped || !posted) return [];
    const budget = loadScaledBudget(posted.budgetMs);
    const out = this.answered(this.channel.answer(posted.seq, budget.ms), posted.budgetMs, budget.factor, posted.tick, 'decide()');
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
    const budget = loadScaledBudget(budgetMs);
    return this.answered(this.channel.call(call, budget.ms, transfer), budgetMs, budget.factor, tick, what);
  }

  /** A call's outcome: the controller's answer; throws its own error, or stops it past the budget. */
  private answered(
    awaited: AwaitedAnswer<ControllerAnswer>,
    budgetMs: number,
    loadFactor: number,
    tick: number,
    what: string,
  ): Extract<ControllerAnswer, { ok: true }> {
    if (awaited.kind === 'timeout') {
      // A controller filling its heap slows to a crawl in garbage collection before V8 ends it:
      // it overruns its time budget first, but what ran out is memory. The process's growth tells.
      const grownMb = Math.round((process.memoryUsage.rss() - this.rssAtStartBytes) / 2 ** 20);
      if (grownMb >= 0.75 * this.memoryMb)
        return this.stop(
          `${what} did not return within its budget of ${budgetMs} ms${loadNote(loadFactor)} while the process grew by ${grownMb} MB: it ran into its memory limit of ${this.memoryMb} MB (--controller-memory-mb); the controller was stopped and its robots hold`,
          tick,
          'memory',
        );
      return this.stop(
        `${what} did not return within its budget of ${budgetMs} ms${loadNote(loadFactor)} (--controller-budget-ms); the controller was stopped and its robots hold`,
        tick,
        'time',
      );
    }
    if (awaited.kind === 'protocol') return this.stop(`${what}: ${awaited.reason}; the controller was stopped and its robots hold`, tick, 'protocol');
    const answer = awaited.body;
    if (!answer.ok && answer.fatal === 'memory') return this.stop(`${what}: ${answer.error}; the controller was stopped and its robots hold`, tick, 'memory');
    if (answer.wroteIntoRoadmap) this.reports = [...(Array.isArray(this.reports) ? this.reports : []), { kind: 'observation-written' }];
    if (!answer.ok) throw new Error(answer.error);
    return answer;
  }

  private stop(reason: string, tick: number, cause: ControllerStopCause): never {
    this.stopped = { reason, tick, cause };
    this.close();
    throw new ControllerStoppedError(reason);
  }
}
