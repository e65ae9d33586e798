import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';
import { makeHost, runCollect } from '../helpers/make-host.ts';

const MINUTES = 2;

describe('determinism of warehouse/g2p-small', () => {
  it('gives the same hash and KPIs for the same seed, run twice', async () => {
    const a = await makeHost({ seed: 7, overrides: { minutes: MINUTES } });
    const b = await makeHost({ seed: 7, overrides: { minutes: MINUTES } });
    runCollect(a);
    runCollect(b);
    expect(a.tick).toBe(MINUTES * 60 * 30);
    expect(a.hash()).toMatch(/^[0-9a-f]{16}$/);
    expect(b.hash()).toBe(a.hash());
    expect(b.kpis()).toEqual(a.kpis());
    expect(a.kpis().ordersReleased).toBeGreaterThan(0);
  });

  it('gives the same hash in two separate Node processes as in this one', async () => {
    const host = await makeHost({ seed: 7, overrides: { minutes: 1 } });
    runCollect(host);
    const dir = tempDir('det');
    const hashes = [0, 1].map((k) => {
      const out = join(dir, `run${k}.json`);
      execFileSync('npx', ['tsx', 'bench/cli/cli.ts', 'run', 'warehouse/g2p-small', '--seed', '7', '--controller', 'greedy', '--minutes', '1', '--json', out], {
        stdio: 'pipe',
      });
      return JSON.parse(readFileSync(out, 'utf8')).hash as string;
    });
    expect(hashes[0]).toBe(host.hash());
    expect(hashes[1]).toBe(host.hash());
  }, 400_000);

  it('gives different order streams for different seeds', async () => {
    const released = async (seed: number) => {
      const host = await makeHost({ seed, overrides: { minutes: 1 } });
      return runCollect(host)
        .filter((e) => e.type === 'order.released')
        .map((e) => (e.type === 'order.released' ? `${e.tick}:${e.station}:${e.lines}` : ''));
    };
    const s7 = await released(7);
    const s8 = await released(8);
    expect(s7.length).toBeGreaterThan(5);
    expect(s8.length).toBeGreaterThan(5);
    expect(s8).not.toEqual(s7);
  });
});
