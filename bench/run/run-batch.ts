import { RunLog, partitionResume } from './run-log.ts';
import { createProgress } from './progress.ts';
import { runJobs } from './run-pool.ts';
import type { RunJob, RunRecord } from './run-job.ts';

/** Options of {@link runBatch}. */
export interface BatchOptions {
  /** Output directory; `runs.jsonl` there logs every finished run. */
  outDir: string;
  resume: boolean;
  workers?: number;
}

/**
 * Runs jobs on the pool, appending each record to the run log as it finishes. With `resume`,
 * runs already finished in the log are skipped. Returns every record (kept and new) in key order
 * and how many ran now.
 */
export async function runBatch(jobs: readonly RunJob[], options: BatchOptions): Promise<{ records: RunRecord[]; ran: number; skipped: number }> {
  const { log, previous, unfinishedStarts } = RunLog.open(options.outDir, options.resume);
  const { todo, kept } = partitionResume(jobs, previous, unfinishedStarts);
  if (options.resume) console.log(`resume: ${kept.length} of ${jobs.length} runs already finished, running ${todo.length}`);
  const progress = createProgress(todo.length);
  const fresh = await runJobs(
    todo.map((job) => ({ ...job, startLog: log.file })),
    {
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      onRecord: (record) => {
        log.append(record);
        progress.done(record);
      },
    },
  );
  progress.stop();
  const records = [...kept, ...fresh].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { records, ran: todo.length, skipped: kept.length };
}
