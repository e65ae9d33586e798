import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgress } from '../../bench/run/progress.ts';
import type { RunRecord } from '../../bench/run/run-job.ts';
import { createRunProgress } from '../../bench/run/run-progress.ts';
import type { RunResult } from '../../bench/run/run-scenario.ts';
import { makeHost, runCollect } from '../helpers/make-host.ts';
import { withoutProgressLines } from '../helpers/progress-lines.ts';

const BIN = fileURLToPath(new URL('../../bench/cli/testfield.mjs', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'testfield-progress-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('run progress', () => {
  it('off a terminal prints a plain line every 10 s of wall time for a long run only: simulated time, share, speed, ETA', () => {
    let nowMs = 0;
    const lines: string[] = [];
    const progress = createRunProgress('warehouse/g2p-small', { interactive: false, nowMs: () => nowMs, write: (l) => lines.push(l) });
    // The clock starts at the first advance: loading the controller and the scenario is not running.
    nowMs = 20_000;
    progress.advance(60, 30, 30 * 7200);
    nowMs = 29_000;
    progress.advance(60 + 30 * 60 * 9, 30, 30 * 7200);
    expect(lines).toEqual([]);
    nowMs = 30_000;
    progress.advance(60 + 30 * 60 * 10, 30, 30 * 7200);
    nowMs = 35_000;
    progress.advance(60 + 30 * 60 * 15, 30, 30 * 7200);
    // 10 simulated minutes in 10 s: 60× real time, the 110 minutes left take 110 s.
    expect(lines).toEqual(['warehouse/g2p-small: simulated 10:02 of 2:00:00 (8 %), 60× real time, ETA 1:50']);
    // Tests that want a command's stderr otherwise empty drop exactly these lines, and only these.
    expect(withoutProgressLines(`${lines[0]}\nerror: a real complaint`)).toBe('error: a real complaint');
    progress.stop();
  });

  it('prints nothing for a run projected to take under a minute, however slow its start', () => {
    let nowMs = 0;
    const lines: string[] = [];
    const progress = createRunProgress('warehouse/g2p-small', { interactive: false, nowMs: () => nowMs, write: (l) => lines.push(l) });
    progress.advance(60, 30, 30 * 240);
    nowMs = 12_000;
    progress.advance(30 * 120, 30, 30 * 240);
    nowMs = 22_000;
    progress.advance(30 * 200, 30, 30 * 240);
    expect(lines).toEqual([]);
    progress.stop();
  });
});

describe('testfield run, interrupted', () => {
  it('Ctrl-C stops a long run, exits 130 and writes what ran: the JSON equals a run to that tick', async () => {
    const json = join(work, 'long.json');
    const child = spawn(process.execPath, [BIN, 'run', 'warehouse/g2p-small', '--minutes', '600', '--json', json], {
      cwd: work,
      env: { ...process.env, CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        if (/simulated [\d:]+ of 10:00:00 \(\d+ %\), \d+× real time, ETA [\d:]+/.test(err)) resolve();
      });
      void exited.then(() => reject(new Error(`exited before showing progress:\n${err}`)));
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(err).toMatch(/interrupted at [\d.]+ simulated minutes: the table, --json cover the run up to there/);
    const result = JSON.parse(readFileSync(json, 'utf8')) as RunResult;
    expect(result.interrupted).toBe(true);
    expect(result.ticks).toBeGreaterThan(30 * 60);
    expect(result.ticks).toBeLessThan(30 * 3600 * 10);
    const host = await makeHost({ scenario: 'warehouse/g2p-small', controller: 'reserve', overrides: { minutes: 600 } });
    runCollect(host, result.ticks);
    expect(result.hash).toBe(host.hash());
    expect(result.kpis.ordersDelivered).toBe(host.kpis().ordersDelivered);
    host.dispose();
  }, 300_000);
});

describe('suite and sweep progress', () => {
  it('each finished run line adds the simulated time so far and the ETA', () => {
    let nowMs = 0;
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      const progress = createProgress(4, false, () => nowMs);
      const record = {
        key: 'warehouse/g2p-small seed=1',
        status: 'ok',
        hash: 'abc',
        wallSec: 2,
        realTimeFactor: 90,
        simulatedSec: 180,
      } as unknown as RunRecord;
      nowMs = 3_000;
      progress.done(record);
      nowMs = 4_000;
      progress.done({ ...record, key: 'warehouse/g2p-small seed=2' });
      progress.stop();
    } finally {
      console.log = log;
    }
    // 1 run in 3 s, 3 left: ETA 9 s; then 2 runs in 4 s, 2 left: ETA 4 s.
    expect(lines).toEqual([
      '[1/4] ok warehouse/g2p-small seed=1 hash abc 2.0 s (90x) · simulated 3:00 · ETA 0:09',
      '[2/4] ok warehouse/g2p-small seed=2 hash abc 2.0 s (90x) · simulated 6:00 · ETA 0:04',
    ]);
  });
});
