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

/** Everything that went wrong in a run, counted by cause (numbers in a message become `N`). */
export interface RunFailures {
  /** `controller.failed` events: total, the first one, and counts by cause. */
  controllerFailed: { count: number; first: { tick: number; message: string } | null; byCause: Record<string, number> };
  /** `command.rejected` events: total and counts by cause. */
  rejections: { total: number; byCause: Record<string, number> };
  /** Set when the run ended before its horizon. */
  stopped: RunStop | null;
}

/** Distinct causes kept per tally; the rest are counted under {@link OTHER_CAUSES}. */
export const MAX_CAUSES = 50;
export const OTHER_CAUSES = '(other causes)';


/** A failure tally that events are folded into as they stream by (bounded memory). */
export interface FailureTally {
  add(event: SimEvent): void;
  stop(stop: RunStop): void;
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
      } else if (e.type === 'watchdog.tripped' && !out.stopped) {
        out.stopped = { by: 'watchdog', tick: e.tick, reason: e.reason };
      }
    },
    stop(stop) {
      out.stopped ??= stop;
    },
    result: () => out,
  };
}

function bump(counts: Record<string, number>, cause: string): void {
  if (counts[cause] === undefined && Object.keys(counts).length >= MAX_CAUSES) cause = OTHER_CAUSES;
  counts[cause] = (counts[cause] ?? 0) + 1;
}

/** Whether a run's controller failed (threw, returned garbage, wrote into its observation, or was stopped). */
export function controllerFailed(f: RunFailures | undefined): boolean {
  return Boolean(f && (f.controllerFailed.count > 0 || f.stopped?.by === 'controller'));
}

/** One line per cause, most frequent first: `12 × decide() threw: boom`. */
export function describeCauses(counts: Record<string, number>): string[] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([cause, n]) => `${n} × ${cause}`);
}

/**
 * Exit codes of `bench run` (and `bench soak`): 0 the run finished and its controller never
 * failed; 2 usage or input error; 3 the controller failed (threw, returned garbage, wrote into its
 * observation, or overran its budget and was stopped); 4 the physics watchdog stopped the episode.
 */
export const EXIT_CODES = { ok: 0, error: 1, usage: 2, controllerFailed: 3, watchdog: 4 } as const;

/** The exit code of a finished run by its failures. */
export function runExitCode(f: RunFailures): number {
  if (f.stopped?.by === 'watchdog') return EXIT_CODES.watchdog;
  return controllerFailed(f) ? EXIT_CODES.controllerFailed : EXIT_CODES.ok;
}

/** The one-line message for a run that failed, or null. */
export function failureLine(f: RunFailures): string | null {
  if (f.stopped) return `${f.stopped.by === 'watchdog' ? 'watchdog stopped the episode' : 'controller stopped'} at tick ${f.stopped.tick}: ${f.stopped.reason}`;
  const first = f.controllerFailed.first;
  return first ? `controller failed ${f.controllerFailed.count} time(s), first at tick ${first.tick}: ${first.message}` : null;
}
