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
  /** Where plain lines go. */
  write?: (line: string) => void;
}

/**
 * A progress reporter for a run: on a terminal a bar with the simulated time, the speed over real
 * time and the ETA; elsewhere a plain line every `lineEveryMs` (10 s) of wall time, so short runs
 * print nothing extra and CI logs get a heartbeat.
 */
export function createRunProgress(label: string, options: RunProgressOptions = {}): RunProgress {
  const interactive = options.interactive ?? (Boolean(process.stderr.isTTY) && !process.env.CI);
  const now = options.nowMs ?? (() => performance.now());
  const every = options.lineEveryMs ?? 10_000;
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const started = now();
  let lastLine = started;
  let bar: SingleBar | null = null;
  return {
    advance(tick, hz, horizonTicks) {
      const elapsedMs = now() - started;
      const fields = describe(tick, hz, horizonTicks, elapsedMs);
      if (interactive) {
        if (!bar) {
          if (elapsedMs < 500) return;
          bar = new SingleBar({ format: `${label} {bar} {percentage}% | {sim} | {speed} | ETA {etaText}`, hideCursor: true, stream: process.stderr, clearOnComplete: true }, Presets.shades_classic);
          bar.start(horizonTicks, tick, fields);
        }
        bar.update(tick, fields);
        return;
      }
      if (now() - lastLine < every) return;
      lastLine = now();
      write(`${label}: ${fields.sim} (${Math.floor((100 * tick) / Math.max(1, horizonTicks))} %), ${fields.speed}, ETA ${fields.etaText}`);
    },
    stop() {
      bar?.stop();
    },
  };
}

/** The bar's fields: simulated time so far and in all, speed over real time, time left. */
function describe(tick: number, hz: number, horizonTicks: number, elapsedMs: number): { sim: string; speed: string; etaText: string } {
  const speed = tick / hz / Math.max(elapsedMs / 1000, 1e-3);
  const leftSec = tick > 0 ? ((horizonTicks - tick) / tick) * (elapsedMs / 1000) : Number.NaN;
  return { sim: `simulated ${clock(tick / hz)} of ${clock(horizonTicks / hz)}`, speed: `${speed.toFixed(0)}× real time`, etaText: Number.isFinite(leftSec) ? clock(leftSec) : '…' };
}
