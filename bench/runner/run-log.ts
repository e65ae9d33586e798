import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RunRecord } from './run-job.ts';

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
  static open(dir: string, resume: boolean): { log: RunLog; previous: RunRecord[] } {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, RUN_LOG_FILE);
    const previous: RunRecord[] = [];
    if (resume && existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          previous.push(JSON.parse(line) as RunRecord);
        } catch {
          continue;
        }
      }
    } else if (existsSync(file)) {
      rmSync(file);
    }
    return { log: new RunLog(file), previous };
  }

  /** Appends one record synchronously (it is on disk before the next run is reported). */
  append(record: RunRecord): void {
    appendFileSync(this.file, JSON.stringify(record) + '\n');
  }
}

/**
 * Splits jobs into those still to run and the finished records to keep: a logged `ok` record
 * whose key is a current job counts as finished (the latest wins); errors are run again.
 */
export function partitionResume<J extends { key: string }>(jobs: readonly J[], previous: readonly RunRecord[]): { todo: J[]; kept: RunRecord[] } {
  const keys = new Set(jobs.map((j) => j.key));
  const finished = new Map<string, RunRecord>();
  for (const r of previous) if (r.status === 'ok' && keys.has(r.key)) finished.set(r.key, r);
  return { todo: jobs.filter((j) => !finished.has(j.key)), kept: [...finished.values()] };
}
