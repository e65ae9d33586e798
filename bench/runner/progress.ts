import { SingleBar, Presets } from 'cli-progress';
import type { RunRecord } from './run-job.ts';
import { failureLine } from './run-failures.ts';

/** Reports finished runs: a progress bar on an interactive terminal, plain lines otherwise (CI). */
export interface Progress {
  done(record: RunRecord): void;
  stop(): void;
}

/** A progress reporter for `total` runs; `interactive` defaults to "stderr is a TTY and not CI". */
export function createProgress(total: number, interactive = Boolean(process.stderr.isTTY) && !process.env.CI): Progress {
  let finished = 0;
  if (interactive) {
    const bar = new SingleBar({ format: 'runs {bar} {value}/{total} | {last}', hideCursor: true, stream: process.stderr }, Presets.shades_classic);
    bar.start(total, 0, { last: '' });
    return {
      done(record) {
        finished += 1;
        bar.update(finished, { last: describe(record) });
      },
      stop: () => bar.stop(),
    };
  }
  return {
    done(record) {
      finished += 1;
      console.log(`[${finished}/${total}] ${describe(record)}`);
    },
    stop() {},
  };
}

function describe(r: RunRecord): string {
  if (r.status === 'error') return `ERROR ${r.key}: ${r.error}`;
  const line = r.failures ? failureLine(r.failures) : null;
  if (line) return `FAILED ${r.key}: ${line}`;
  return `ok ${r.key} hash ${r.hash} ${r.wallSec.toFixed(1)} s (${r.realTimeFactor}x)`;
}
