/**
 * The command-line doors to the page: `testfield replay SESSION.json` turns a recorded session
 * into the page's replay (same hash), `vda5050 … --open` serves the page following the session and
 * prints its URL; bad combinations are one clear line.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVdaSession } from '../../bench/vda5050/vda-session.ts';
import { findScenario } from '../../scenarios/index.ts';
import { decodeReplay } from '../../sim/index.ts';
import { ROOT, runBench, tempDir } from '../bench/bench-process.ts';
import { waitFor } from './message-tap.ts';

describe('VDA 5050 and the page (the command line)', () => {
  it('replay SESSION.json re-simulates the session into a .tfr with the recorded hash and end tick', async () => {
    const dir = tempDir('vda5050-page-replay');
    const result = await runVdaSession({
      spec: findScenario('warehouse/g2p-small')!,
      scenarioName: 'warehouse/g2p-small',
      speed: 8,
      port: 0,
      wsPort: null,
      durationSec: 1,
      liveHz: 0,
    });
    const rec = join(dir, 'session.json');
    writeFileSync(rec, `${JSON.stringify(result.recording)}\n`);
    const tfr = join(dir, 'session.tfr');
    const out = await runBench(['replay', rec, '--out', tfr]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain(`hash ${result.hash}, recorded ${result.hash}: identical`);
    const replay = decodeReplay(new Uint8Array(readFileSync(tfr)));
    expect(replay.trailer.hash).toBe(result.hash);
    expect(replay.header.ticks).toBe(result.ticks);
    expect(replay.header.scenarioId).toBe('warehouse/g2p-small@1');
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify({ ...result.recording, hash: '0000000000000000' }));
    const bad = await runBench(['replay', tampered]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('recorded 0000000000000000: DIFFERENT');
    const twice = await runBench(['replay', tfr, '--out', join(dir, 'again.tfr')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/--out: only a VDA 5050 session recording is turned into a replay/);
  }, 180_000);

  it('vda5050 --open prints the page URL following the session, and the page is served there', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/cli/cli.ts', 'vda5050', 'warehouse/g2p-small', '--port', '0', '--ws-port', '0', '--open', '--page-port', '0'],
      { cwd: ROOT, env: { ...process.env, CI: 'true' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    try {
      await waitFor('the page URL', () => /Watch it live at /.test(stdout) || child.exitCode !== null, 120_000);
      const ws = /WebSocket (ws:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      const url = /Watch it live at (http:\/\/\S+)/.exec(stdout)?.[1];
      expect(url, stderr).toBeDefined();
      expect(url).toBe(`${url!.split('?')[0]}?paused=1&vda5050=${encodeURIComponent(ws!)}`);
      const page = await fetch(url!);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<canvas');
      child.kill('SIGINT');
      expect(await exited, stderr).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 180_000);

  it('bad combinations: one clear line, exit 2', async () => {
    for (const [args, message] of [
      [
        ['vda5050', 'warehouse/g2p-small', '--open', '--broker', 'mqtt://127.0.0.1:1'],
        /--open with --broker mqtt:\/\/127\.0\.0\.1:1: the page speaks MQTT over WebSocket; give the broker's WebSocket URL with --page-broker/,
      ],
      [['vda5050', 'warehouse/g2p-small', '--open', '--live-hz', '0'], /--open needs the live feed: --live-hz must be above 0/],
    ] as const) {
      const out = await runBench(args);
      expect(out.code, `${args.join(' ')}: ${out.stderr}`).toBe(2);
      expect(out.stderr).toMatch(message);
      expect(out.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);
});
