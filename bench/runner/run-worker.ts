/** Worker-thread entry of the run pool: one job in, one record out. */
import { executeRun } from './execute-run.ts';
import type { RunJob, RunRecord } from './run-job.ts';

export default function runInWorker(job: RunJob): Promise<RunRecord> {
  return executeRun(job);
}
