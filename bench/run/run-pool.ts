import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { tsxExportUrl } from './ts-worker.ts';
import { errorRecord, type RunJob, type RunRecord } from './run-job.ts';

/** Options of {@link runJobs}. */
export interface RunPoolOptions {
  /** Worker threads; defaults to the machine's available parallelism. */
  workers?: number;
  /** Called as each run finishes, in completion order. */
  onRecord?: (record: RunRecord) => void | Promise<void>;
}

/** Worker threads to use when none are asked for: one per core the OS gives this process. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Runs jobs on a worker-thread pool (TypeScript via tsx in each worker). A run that throws, or
 * whose worker dies, becomes an error record; the other runs go on. Returns records in job order.
 */
export async function runJobs(jobs: readonly RunJob[], options: RunPoolOptions = {}): Promise<RunRecord[]> {
  if (jobs.length === 0) return [];
  const threads = Math.max(1, Math.min(options.workers ?? defaultWorkers(), jobs.length));
  const pool = new Piscina({
    filename: new URL('./run-worker.ts', import.meta.url).href,
    execArgv: ['--import', tsxExportUrl('.')],
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
  });
  try {
    return await Promise.all(
      jobs.map(async (job) => {
        const started = performance.now();
        let record: RunRecord;
        try {
          record = (await pool.run(job)) as RunRecord;
        } catch (error) {
          const message = `worker failed: ${error instanceof Error ? error.message : String(error)}`;
          record = errorRecord(job, message, (performance.now() - started) / 1000);
        }
        await options.onRecord?.(record);
        return record;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
