import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import { describe, expect, it } from 'vitest';
import { ROOT, runBench, tempDir } from '../bench/bench-process.ts';
import { orderAlong } from './map-router.ts';
import { MessageTap, waitFor } from './message-tap.ts';

describe('bench vda5050 (the command line)', () => {
  it('prints its broker URLs, takes an order over MQTT-over-WebSocket, stops cleanly on SIGINT with KPIs, --json and --record; replay gives the same hash', async () => {
    const dir = tempDir('vda5050');
    const json = join(dir, 'session.json');
    const record = join(dir, 'recording.json');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'bench/cli/cli.ts',
        'vda5050',
        'warehouse/g2p-small',
        '--speed',
        '4',
        '--port',
        '0',
        '--ws-port',
        '0',
        '--json',
        json,
        '--record',
        record,
      ],
      { cwd: ROOT, env: { ...process.env, CI: 'true' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    try {
      await waitFor('the broker URLs', () => /WebSocket ws:\/\/127\.0\.0\.1:\d+/.test(stdout) || child.exitCode !== null, 120_000);
      const wsUrl = /WebSocket (ws:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      expect(wsUrl, stderr).toBeDefined();
      expect(stdout).toMatch(/20 vehicles of Testfield on mqtt:\/\/127\.0\.0\.1:\d+/);
      const tap = await MessageTap.open(wsUrl!, 'uagv/v2/Testfield', '2.0.0');
      const client = await connectAsync(wsUrl!, { clientId: `cli-test-${process.pid}` });
      try {
        const serial = 'shelf-lifter-019';
        await waitFor('the vehicle state', () => tap.states.has(serial));
        const from = String(tap.states.get(serial)!.lastNodeId);
        const to = `n${Number(from.slice(1)) + 3}`;
        const order = {
          headerId: 1,
          timestamp: new Date().toISOString(),
          version: '2.0.0',
          manufacturer: 'Testfield',
          serialNumber: serial,
          orderId: 'cli-1',
          orderUpdateId: 0,
          ...orderAlong([from, to], []),
        };
        await client.publishAsync(`uagv/v2/Testfield/${serial}/order`, JSON.stringify(order), { qos: 1 });
        await waitFor('the order driven', () => {
          const s = tap.states.get(serial);
          return s?.orderId === 'cli-1' && s.nodeStates.length === 0 && s.lastNodeId === to && s.driving === false;
        });
        expect(tap.invalid).toEqual([]);
      } finally {
        await client.endAsync();
        await tap.close();
      }
      child.kill('SIGINT');
      expect(await exited, stderr).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    expect(stdout).toMatch(/orders: 1 accepted, 1 completed/);
    const result = JSON.parse(readFileSync(json, 'utf8'));
    expect(result.vda.ordersCompleted).toBe(1);
    expect(result.robots).toBe(20);
    const replay = await runBench(['vda5050', 'replay', record]);
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stdout).toContain(`hash ${result.hash}, recorded ${result.hash}: identical`);
  }, 300_000);

  it('export-map: roadmap node and edge ids with map-frame positions; LIF form', async () => {
    const out = await runBench(['vda5050', 'export-map', 'warehouse/g2p-small']);
    expect(out.code, out.stderr).toBe(0);
    const map = JSON.parse(out.stdout);
    expect(map.mapId).toBe('warehouse/g2p-small@1');
    expect(map.nodes.length).toBe(543);
    expect(map.nodes[0]).toEqual({ nodeId: 'n0', x: 1.5, y: 20.5, kind: 'spawn' });
    expect(map.edges.every((e: { lengthM: number }) => e.lengthM === 1)).toBe(true);
    expect(map.loads.length).toBe(120);
    const lif = await runBench(['vda5050', 'export-map', 'warehouse/g2p-small', '--format', 'lif']);
    const layout = JSON.parse(lif.stdout).layouts[0];
    expect(layout.nodes.length).toBe(543);
    expect(layout.edges.length).toBe(map.edges.length);
    expect(layout.stations.length).toBe(4);
  }, 120_000);

  it('bad input: one clear line, exit 2, no stack trace', async () => {
    const dir = tempDir('vda5050-bad');
    const notRecording = join(dir, 'x.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(notRecording, '{"format":"something-else"}');
    for (const [args, message] of [
      [['vda5050', 'warehouse/nope'], /unknown scenario "warehouse\/nope"/],
      [['vda5050', 'warehouse/g2p-small', '--broker', 'localhost'], /expected a broker URL such as mqtt:\/\/localhost:1883/],
      [['vda5050', 'warehouse/g2p-small', '--vda-version', '3.0.0'], /expected one of 2\.0\.0, 2\.1\.0/],
      [['vda5050', 'replay', notRecording], /format is "something-else", expected "testfield-vda5050-session"/],
      [['vda5050', 'export-map', 'warehouse/g2p-small', '--format', 'xml'], /--format xml: expected json or lif/],
    ] as const) {
      const out = await runBench(args);
      expect(out.code, `${args.join(' ')}: ${out.stderr}`).toBe(2);
      expect(out.stderr).toMatch(message);
      expect(out.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);
});
