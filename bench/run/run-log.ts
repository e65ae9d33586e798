import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { errorRecord, type RunJob, type RunRecord } from './run-job.ts';

/** A log line written when a run starts (before its worker runs it): `{"started": key}`. */
interface StartLine {
  started: string;
}

/**
 * Unfinished starts after which a run is taken to end the process it runs in (a controller
 * calling `process.kill` in-thread, a native crash): one interrupted start is re-run by
 * `--resume` (the kill may have been the user's), a second is recorded as failed.
 */
export const CRASHES_BEFORE_FAILED = 2;

/** File in the output directory that records each finished run as one JSON line. */
export const RUN_LOG_FILE = 'runs.jsonl';

/**
 * Append-only log of finished runs, so a killed suite loses nothing: each record is appended the
 * moment its run finishes, and `--resume` reads them back.
 */
export class RunLog {
  private constructor(readonly file: string) {}

  /**
   * Opens the log in `dir`. Without `resume` an old log is removed; with it, the finished runs
   * already logged are returned (a line cut off by a kill is ignored).
   */
  static open(dir: string, resume: boolean): { log: RunLog; previous: RunRecord[]; unfinishedStarts: Map<string, number> } {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, RUN_LOG_FILE);
    const previous: RunRecord[] = [];
    const unfinishedStarts = new Map<string, number>();
    if (resume && existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        let entry: RunRecord | StartLine;
        try {
          entry = JSON.parse(line) as RunRecord | StartLine;
        } catch {
          continue;
        }
        if ('started' in entry) unfinishedStarts.set(entry.started, (unfinishedStarts.get(entry.started) ?? 0) + 1);
        else {
          previous.push(entry);
          unfinishedStarts.delete(entry.key);
        }
      }
    } else if (existsSync(file)) {
      rmSync(file);
    }
    return { log: new RunLog(file), previous, unfinishedStarts };
  }

  /** Appends one record synchronously (it is on disk before the next run is reported). */
  append(record: RunRecord): void {
    appendFileSync(this.file, `${JSON.stringify(record)}\n`);
  }
}

/**
 * Splits jobs into those still to run and the records to keep: a logged `ok` record whose key is
 * a current job counts as finished (the latest wins); errors are run again; a run that was in
 * flight {@link CRASHES_BEFORE_FAILED} times when the process died is kept as a failed run and
 * never run again.
 */
export function partitionResume(
  jobs: readonly RunJob[],
  previous: readonly RunRecord[],
  unfinishedStarts: ReadonlyMap<string, number> = new Map(),
): { todo: RunJob[]; kept: RunRecord[] } {
  const keys = new Set(jobs.map((j) => j.key));
  const finished = new Map<string, RunRecord>();
  for (const r of previous) if (r.status === 'ok' && keys.has(r.key)) finished.set(r.key, r);
  for (const job of jobs) {
    const starts = unfinishedStarts.get(job.key) ?? 0;
    if (finished.has(job.key) || starts < CRASHES_BEFORE_FAILED) continue;
    finished.set(
      job.key,
      errorRecord(job, `the run ended the process it ran in (in flight at ${starts} kills of the suite); recorded as failed, not run again by --resume`),
    );
  }
  return { todo: jobs.filter((j) => !finished.has(j.key)), kept: [...finished.values()] };
}

/** Appends `{"started": key}` to a run log (from the worker that is about to run it, synchronously). */
export function logRunStarted(file: string, key: string): void {
  appendFileSync(file, `${JSON.stringify({ started: key } satisfies StartLine)}\n`);
}
