/**
 * A long run's progress heartbeat off a terminal (`bench/run/run-progress.ts`): one line every 10 s
 * of wall time once a run is projected to take a minute, which on a busy machine any run may be.
 */
const PROGRESS_LINE = /^.+: simulated [\d:]+ of [\d:]+ \(\d+ %\), \d+× real time, ETA (?:[\d:]+|…)$/;

/** `stderr` without its progress lines: what is left is what the command had to say. */
export function withoutProgressLines(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !PROGRESS_LINE.test(line))
    .join('\n');
}
