/** Worker-thread entry of the run pool: one job in, one record out. */
import { runSpec } from './run-scenario.ts';
import { errorRecord, okRecord, type RunJob, type RunRecord } from './run-job.ts';
import { logRunStarted } from './run-log.ts';

/**
 * Runs one job to its horizon with {@link runSpec}. Never throws: a failure becomes an error
 * record carrying its message.
 */
export default async function runInWorker(job: RunJob): Promise<RunRecord> {
  const started = performance.now();
  if (job.startLog) logRunStarted(job.startLog, job.key);
  try {
    const { result } = await runSpec({
      spec: job.spec,
      controller: job.controller,
      seed: job.seed,
      overrides: job.overrides,
      ...(job.isolation ? { isolation: job.isolation } : {}),
      ...(job.budgetMs ? { budgetMs: job.budgetMs } : {}),
    });
    return okRecord(job, result);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return errorRecord(job, message, Math.round(performance.now() - started) / 1000);
  }
}
