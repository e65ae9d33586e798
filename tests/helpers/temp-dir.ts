import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** Directories made by {@link tempDir} in this test file. */
const made: string[] = [];

// Registered as the test file imports this module: runs after the file's last test.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory `testfield-<prefix>-XXXXXX`, removed after the test file's last test. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `testfield-${prefix}-`));
  made.push(dir);
  return dir;
}
