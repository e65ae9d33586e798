import { existsSync } from 'node:fs';
import { writeFileAtomic } from '../../run/files/write-file-atomic.ts';
import { join } from 'node:path';
import { readJsonFile } from '../../run/files/read-json-file.ts';
import { UsageError } from '../../run/usage-error.ts';
import type { RunRecord } from '../../run/run-job.ts';
import type { Shard } from '../../run/shard.ts';

/** `results.json`: every run of a suite (or of one shard of it), sorted by key. */
export interface SuiteResults {
  version: 1;
  suite: string;
  /** The shard these runs are, or null for a whole (or merged) suite. */
  shard: Shard | null;
  /** Runs in the whole suite (all shards). */
  totalRuns: number;
  runs: RunRecord[];
}

export const RESULTS_FILE = 'results.json';

/** Writes `results.json` atomically (a temporary file renamed over it). */
export function writeResults(dir: string, results: SuiteResults): string {
  const file = join(dir, RESULTS_FILE);
  writeFileAtomic(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

/** Reads a `results.json` (or the one inside a directory). @throws UsageError when unreadable. */
export function readResults(fileOrDir: string): SuiteResults {
  const file = fileOrDir.endsWith('.json') ? fileOrDir : join(fileOrDir, RESULTS_FILE);
  if (!existsSync(file)) throw new UsageError(`results file ${file} not found`);
  const raw = readJsonFile(file, 'results file') as SuiteResults;
  if (raw.version !== 1 || typeof raw.suite !== 'string' || !Array.isArray(raw.runs) || typeof raw.totalRuns !== 'number') {
    throw new UsageError(`results file ${file} is not a bench results file (version 1)`);
  }
  return raw;
}
