import { Presets, SingleBar } from 'cli-progress';
import { clock } from './progress.ts';

/** Reports one long run's progress in simulated time, on stderr (stdout stays the result). */
export interface RunProgress {
  /** The run reached `tick` of `horizonTicks` (at `hz` ticks a simulated second). */
  advance(tick: number, hz: number, horizonTicks: number): void;
  stop(): void;
}

/** Options of {@link createRunProgress}; the defaults suit the command line. */
export interface RunProgressOptions {
  /** A live bar (a terminal) or plain lines (CI, pipes); default: stderr is a TTY and `CI` is unset. */
  interactive?: boolean;
  /** Wall-clock milliseconds (progress is reported by wall time; it never touches the run). */
  nowMs?: () => number;
  /** Plain lines: at most one every this many wall-clock milliseconds, and none for a run shorter than that. */
  lineEveryMs?: number;
  /** Plain lines only for a run projected to take at least this many wall-clock milliseconds (elapsed + ETA). */
  longRunMs?: number;
  /** Where plain lines go. */
  write?: (line: string) => void;
}

/**
 * A progress reporter for a run: on a terminal a bar with the simulated time, the speed over real
 * time and the ETA; elsewhere (CI logs, pipes) a plain line every `lineEveryMs` (10 s) of wall time
 * for a run projected to take a minute or more, so short runs print nothing extra and long ones
 * give CI logs a heartbeat. Times count from the first advance (loading is not running).
 */
export function createRunProgress(label: string, options: RunProgressOptions = {}): RunProgress {
  const interactive = options.interactive ?? (Boolean(process.stderr.isTTY) && !process.env.CI);
  const now = options.nowMs ?? (() => performance.now());
  const every = options.lineEveryMs ?? 10_000;
  const longRunMs = options.longRunMs ?? 60_000;
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  let started: { ms: number; tick: number } | null = null;
  let lastLine = 0;
  let bar: SingleBar | null = null;
  return {
    advance(tick, hz, horizonTicks) {
      if (!started) {
        started = { ms: now(), tick };
        lastLine = started.ms;
        return;
      }
      const elapsedMs = now() - started.ms;
      const fields = describe(tick, horizonTicks, hz, tick - started.tick, elapsedMs);
      if (interactive) {
        if (!bar) {
          if (elapsedMs < 500) return;
          bar = new SingleBar(
            { format: `${label} {bar} {percentage}% | {sim} | {speed} | ETA {etaText}`, hideCursor: true, stream: process.stderr, clearOnComplete: true },
            Presets.shades_classic,
          );
          bar.start(horizonTicks, tick, fields);
        }
        bar.update(tick, fields);
        return;
      }
      if (now() - lastLine < every || elapsedMs + fields.leftMs < longRunMs) return;
      lastLine = now();
      write(`${label}: ${fields.sim} (${Math.floor((100 * tick) / Math.max(1, horizonTicks))} %), ${fields.speed}, ETA ${fields.etaText}`);
    },
    stop() {
      bar?.stop();
    },
  };
}

/** The bar's fields: simulated time so far and in all, speed over real time (of the `ranTicks` run in `elapsedMs`), time left. */
function describe(
  tick: number,
  horizonTicks: number,
  hz: number,
  ranTicks: number,
  elapsedMs: number,
): { sim: string; speed: string; etaText: string; leftMs: number } {
  const speed = ranTicks / hz / Math.max(elapsedMs / 1000, 1e-3);
  const leftMs = ranTicks > 0 ? ((horizonTicks - tick) / ranTicks) * elapsedMs : Number.NaN;
  return {
    sim: `simulated ${clock(tick / hz)} of ${clock(horizonTicks / hz)}`,
    speed: `${speed.toFixed(0)}× real time`,
    etaText: Number.isFinite(leftMs) ? clock(leftMs / 1000) : '…',
    leftMs: Number.isFinite(leftMs) ? leftMs : 0,
  };
}
