import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findKnee } from '../../bench/sweep/knee.ts';
import { runBench, tempDir } from './bench-process.ts';

describe('bench sweep', () => {
  it('findKnee picks the bend of a rising, flattening curve and ignores lines without one', () => {
    expect(findKnee([{ x: 1, y: 10 }, { x: 2, y: 20 }, { x: 3, y: 28 }, { x: 4, y: 30 }, { x: 5, y: 31 }])).toBe(2);
    expect(findKnee([{ x: 1, y: 10 }, { x: 2, y: 20 }, { x: 3, y: 30 }])).toBeNull();
    expect(findKnee([{ x: 1, y: 10 }, { x: 2, y: 20 }])).toBeNull();
  });

  it('writes CSV, JSON and an SVG with one line per layout and knees marked; bad files exit 2', async () => {
    const dir = tempDir('sweep');
    const file = join(dir, 'tiny.json');
    const grid = { robots: [2, 4, 8], blockColumns: [3], aisles: [2, 3], stations: [2] };
    writeFileSync(file, JSON.stringify({ name: 'tiny', seeds: [1], minutes: 1, grid }));
    const out = await runBench(['sweep', file, '--out', join(dir, 'out')]);
    expect(out.code, out.stderr).toBe(0);
    const csv = readFileSync(join(dir, 'out', 'sweep.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^layout,blockColumns,aisles,stations,robots,seed,status,throughputPerHour/);
    expect(csv).toHaveLength(1 + 6);
    const json = JSON.parse(readFileSync(join(dir, 'out', 'sweep.json'), 'utf8')) as { points: Array<{ layout: string; robots: number; throughputPerHour: number; knee: boolean }>; runs: unknown[] };
    expect(json.runs).toHaveLength(6);
    expect(json.points.map((p) => `${p.layout}:${p.robots}`)).toEqual(['c3-a2-s2:2', 'c3-a2-s2:4', 'c3-a2-s2:8', 'c3-a3-s2:2', 'c3-a3-s2:4', 'c3-a3-s2:8']);
    const svg = readFileSync(join(dir, 'out', 'throughput.svg'), 'utf8');
    expect(svg.match(/<polyline class="series"/g)).toHaveLength(2);
    expect(svg.match(/class="knee"/g)?.length ?? 0).toBe(json.points.filter((p) => p.knee).length);
    writeFileSync(file, JSON.stringify({ name: 'tiny', minutes: 1, grid: { ...grid, stations: [9] } }));
    const bad = await runBench(['sweep', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/stations must be an integer in 1\.\.4/);
  }, 90_000);
});
