import { causeOf, type SimEvent } from '../../sim/index.ts';

export { causeOf };

/** How a run was ended before its horizon. */
export interface RunStop {
  /** `controller`: an isolated controller overran its budget or died; `watchdog`: an impossible pose. */
  by: 'controller' | 'watchdog';
  tick: number;
  reason: string;
  /** For a stopped controller: its time budget, its memory limit, its worker crashing or ending, or a broken call channel. */
  cause?: 'time' | 'memory' | 'exit' | 'crash' | 'protocol';
}

/** The first stall of a run: waiting work, no delivery since `sinceTick`. */
export interface RunStall {
  tick: number;
  sinceTick: number;
  stalledSec: number;
  waiting: Record<string, number>;
  /** Robots that had not moved since the last delivery. */
  stillRobots: number[];
}

/** Everything that went wrong in a run, counted by cause (numbers in a message become `N`). */
export interface RunFailures {
  /** `controller.failed` events: total, the first one, and counts by cause. */
  controllerFailed: { count: number; first: { tick: number; message: string } | null; byCause: Record<string, number> };
  /** `command.rejected` events: total and counts by cause. */
  rejections: { total: number; byCause: Record<string, number> };
  /** Set when the run ended before its horizon. */
  stopped: RunStop | null;
  /** Set when work waited with nothing delivered (the first `progress.stalled` of the run). */
  stalled?: RunStall;
  /** Commands the controller returned (absent in older results); when every one was rejected, the controller failed. */
  commandsIssued?: number;
}

/** Distinct causes kept per tally; the rest are counted under {@link OTHER_CAUSES}. */
export const MAX_CAUSES = 50;
export const OTHER_CAUSES = '(other causes)';

/** A failure tally that events are folded into as they stream by (bounded memory). */
export interface FailureTally {
  add(event: SimEvent): void;
  stop(stop: RunStop): void;
  /** Records how many commands the controller returned in the run. */
  issued(count: number): void;
  result(): RunFailures;
}

/** An empty tally. */
export function createFailureTally(): FailureTally {
  const out: RunFailures = { controllerFailed: { count: 0, first: null, byCause: {} }, rejections: { total: 0, byCause: {} }, stopped: null };
  return {
    add(e) {
      if (e.type === 'controller.failed') {
        out.controllerFailed.count += 1;
        out.controllerFailed.first ??= { tick: e.tick, message: e.message };
        bump(out.controllerFailed.byCause, causeOf(e.message));
      } else if (e.type === 'command.rejected') {
        out.rejections.total += 1;
        bump(out.rejections.byCause, causeOf(String(e.reason)));
      } else if (e.type === 'progress.stalled' && !out.stalled) {
        out.stalled = { tick: e.tick, sinceTick: e.sinceTick, stalledSec: e.stalledSec, waiting: e.waiting, stillRobots: e.stillRobots };
      } else if (e.type === 'watchdog.tripped' && !out.stopped) {
        out.stopped = { by: 'watchdog', tick: e.tick, reason: e.reason };
      }
    },
    stop(stop) {
      out.stopped ??= stop;
    },
    issued(count) {
      out.commandsIssued = count;
    },
    result: () => out,
  };
}

function bump(counts: Record<string, number>, cause: string): void {
  if (counts[cause] === undefined && Object.keys(counts).length >= MAX_CAUSES) cause = OTHER_CAUSES;
  counts[cause] = (counts[cause] ?? 0) + 1;
}

/** Whether every command a controller returned was rejected (it returned some, and moved nothing). */
export function allCommandsRejected(f: RunFailures | undefined): boolean {
  return Boolean(f && f.controllerFailed.count === 0 && (f.commandsIssued ?? 0) > 0 && f.rejections.total >= f.commandsIssued!);
}

/** Whether a run's controller failed (threw, returned garbage, wrote into its observation, was stopped, or had every command rejected). */
export function controllerFailed(f: RunFailures | undefined): boolean {
  return Boolean(f && (f.controllerFailed.count > 0 || f.stopped?.by === 'controller' || allCommandsRejected(f)));
}

/** One line per cause, most frequent first: `12 × decide() threw: boom`. */
export function describeCauses(counts: Record<string, number>): string[] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([cause, n]) => `${n} × ${cause}`);
}

/**
 * Exit codes of `bench run` (and `bench soak`): 0 the run finished and its controller never
 * failed; 1 internal error (soak: memory grew 10 % or more); 2 usage or input error, nothing ran;
 * 3 the controller failed (threw, returned garbage, wrote into its observation, had every command
 * rejected, or was stopped: past its time budget or memory limit); 4 the physics watchdog stopped
 * the episode.
 */
export const EXIT_CODES = { ok: 0, error: 1, usage: 2, controllerFailed: 3, watchdog: 4, stalled: 5, interrupted: 130 } as const;

/** What each exit code of `bench run` means: the one statement of the contract (`--help` and the README print it). */
export const EXIT_CODE_MEANINGS: Record<keyof typeof EXIT_CODES, string> = {
  ok: 'the run finished and its controller never failed',
  error: 'internal error (soak: memory grew 10 % or more)',
  usage: 'usage or input error; nothing ran',
  controllerFailed:
    'the controller failed: it threw, returned garbage, wrote into its observation, had every command rejected, or was stopped past its time budget or memory limit (its robots hold)',
  watchdog: 'the physics watchdog stopped the episode',
  stalled: 'the run finished but its work stalled: work waited and nothing was delivered for a while (progress.stalled)',
  interrupted: 'interrupted (Ctrl-C): what ran so far is printed and written (--json, --replay, --events)',
};

/** The exit codes as lines (`0  the run finished …`). */
export function exitCodeLines(): string[] {
  return (Object.keys(EXIT_CODES) as (keyof typeof EXIT_CODES)[]).map((k) => `${EXIT_CODES[k]}  ${EXIT_CODE_MEANINGS[k]}`);
}

/** The exit code of a finished run by its failures. */
export function runExitCode(f: RunFailures): number {
  if (f.stopped?.by === 'watchdog') return EXIT_CODES.watchdog;
  if (controllerFailed(f)) return EXIT_CODES.controllerFailed;
  return f.stalled ? EXIT_CODES.stalled : EXIT_CODES.ok;
}

/** The one-line message for a run that failed, or null. */
export function failureLine(f: RunFailures): string | null {
  if (f.stopped) return `${f.stopped.by === 'watchdog' ? 'watchdog stopped the episode' : 'controller stopped'} at tick ${f.stopped.tick}: ${f.stopped.reason}`;
  const first = f.controllerFailed.first;
  if (!first && !allCommandsRejected(f) && f.stalled) return `progress stalled: ${describeStall(f.stalled)}`;
  if (!first && allCommandsRejected(f))
    return `every one of the controller's ${f.commandsIssued} commands was rejected: ${describeCauses(f.rejections.byCause).slice(0, 3).join('; ')}`;
  return first ? `controller failed ${f.controllerFailed.count} time(s), first at tick ${first.tick}: ${first.message}` : null;
}

/** One line on a stall: `nothing delivered from tick 18148 for 300 s while 44 errand tasks waited; 39 robots had not moved`. */
export function describeStall(s: RunStall): string {
  const waiting = Object.entries(s.waiting)
    .map(([unit, n]) => `${n} ${unit}`)
    .join(', ');
  const ids = s.stillRobots.length > 8 ? `${s.stillRobots.slice(0, 8).join(', ')} …` : s.stillRobots.join(', ');
  return `nothing delivered from tick ${s.sinceTick} for ${Math.round(s.stalledSec)} s (reported at tick ${s.tick}) while ${waiting} waited; ${s.stillRobots.length} robots had not moved${s.stillRobots.length > 0 ? ` (${ids})` : ''}`;
}
