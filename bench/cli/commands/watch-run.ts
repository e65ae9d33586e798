import { EXIT_CODES } from '../../run/run-failures.ts';
import type { RunOptions } from '../../run/run-scenario.ts';
import { createRunProgress } from '../../run/run-progress.ts';

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT, as shells report it). */
export const INTERRUPTED_EXIT_CODE = EXIT_CODES.interrupted;

/**
 * What `run` hands `runSpec` to be watched from the terminal: a progress bar (see
 * `createRunProgress`), and a first Ctrl-C that stops the run between two advances so what ran is
 * still printed and written; a second Ctrl-C quits at once. `stop` removes both.
 */
export function watchRun(label: string): { options: Pick<RunOptions, 'onAdvance' | 'signal'>; stop(): void } {
  const progress = createRunProgress(label);
  const abort = new AbortController();
  const onSigint = () => {
    if (abort.signal.aborted) process.exit(INTERRUPTED_EXIT_CODE);
    abort.abort();
    process.stderr.write('\ninterrupted: stopping and writing what the run has (Ctrl-C again quits at once)\n');
  };
  process.on('SIGINT', onSigint);
  return {
    options: { onAdvance: (tick, hz, horizonTicks) => progress.advance(tick, hz, horizonTicks), signal: abort.signal },
    stop() {
      progress.stop();
      process.off('SIGINT', onSigint);
    },
  };
}
