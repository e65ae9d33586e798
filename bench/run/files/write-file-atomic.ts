import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes `text` to a temporary name beside `file`, then renames it: a reader sees the old file or the whole new one, never half. */
export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/** The verdict files of a suite's output folder. */
export const VERDICT_FILES = ['results.json', 'junit.xml', 'summary.md'] as const;

/**
 * Removes a previous run's verdict from `dir` before a new run starts, so that an interrupted run
 * never leaves the old `results.json`, `junit.xml` and PASS summary for an artifact upload to publish.
 */
export function clearVerdict(dir: string): void {
  for (const name of VERDICT_FILES) rmSync(join(dir, name), { force: true });
}
