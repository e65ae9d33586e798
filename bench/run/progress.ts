import { SingleBar, Presets } from 'cli-progress';
import type { RunRecord } from './run-job.ts';
import { failureLine } from './run-failures.ts';

/** Reports finished runs: a progress bar on an interactive terminal, plain lines otherwise (CI). */
export interface Progress {
  done(record: RunRecord): void;
  stop(): void;
}

/**
 * A progress reporter for `total` runs (a suite, a sweep, a comparison): each finished run, the
 * simulated time run so far and the ETA (wall time per finished run × runs left).
 * `interactive` defaults to "stderr is a TTY and not CI"; `nowMs` is wall-clock milliseconds.
 */
export function createProgress(
  total: number,
  interactive = Boolean(process.stderr.isTTY) && !process.env.CI,
  nowMs: () => number = () => performance.now(),
): Progress {
  let finished = 0;
  let simulatedSec = 0;
  const started = nowMs();
  const tally = (record: RunRecord) => {
    finished += 1;
    simulatedSec += record.simulatedSec ?? 0;
    const etaSec = ((nowMs() - started) / 1000 / finished) * (total - finished);
    return `simulated ${clock(simulatedSec)} · ETA ${clock(etaSec)}`;
  };
  if (interactive) {
    const bar = new SingleBar({ format: 'runs {bar} {value}/{total} | {sofar} | {last}', hideCursor: true, stream: process.stderr }, Presets.shades_classic);
    bar.start(total, 0, { last: '', sofar: 'ETA …' });
    return {
      done(record) {
        const sofar = tally(record);
        bar.update(finished, { last: describe(record), sofar });
      },
      stop: () => bar.stop(),
    };
  }
  return {
    done(record) {
      const sofar = tally(record);
      console.log(`[${finished}/${total}] ${describe(record)} · ${sofar}`);
    },
    stop() {},
  };
}

/** `h:mm:ss` or `m:ss`. */
export function clock(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function describe(r: RunRecord): string {
  if (r.status === 'error') return `ERROR ${r.key}: ${r.error}`;
  const line = r.failures ? failureLine(r.failures) : null;
  if (line) return `FAILED ${r.key}: ${line}`;
  return `ok ${r.key} hash ${r.hash} ${r.wallSec.toFixed(1)} s (${r.realTimeFactor}x)`;
}
