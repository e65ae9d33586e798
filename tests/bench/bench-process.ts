import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Repository root (the bench resolves suite and controller paths against it). */
export const ROOT = resolve(import.meta.dirname, '../..');

/** Output of one bench CLI process. */
export interface BenchOutput {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `bench <args>` (tsx bench/cli/cli.ts) to completion in the repo root, in CI mode. */
export function runBench(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<BenchOutput> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/cli/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, GITHUB_STEP_SUMMARY: '', CI: 'true', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

/** Starts `bench <args>` without waiting (to kill it). */
export function startBench(args: readonly string[]) {
  return spawn(process.execPath, ['--import', 'tsx', 'bench/cli/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, GITHUB_STEP_SUMMARY: '', CI: 'true' },
    stdio: 'ignore',
  });
}

export { tempDir } from '../helpers/temp-dir.ts';

/** Writes a suite definition file into `dir` and returns its path. */
export function writeSuite(dir: string, file: string, suite: object): string {
  const path = join(dir, file);
  writeFileSync(path, JSON.stringify(suite));
  return path;
}

/** A tiny g2p-small variant: 4 robots, 1 simulated minute (about a second of wall time). */
export const TINY_SCENARIO = { id: 'warehouse/g2p-small', robots: 4, minutes: 1 };
