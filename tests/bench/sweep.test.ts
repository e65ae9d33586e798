import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersFromSweepJson, fleetAnswer } from '../../bench/analyse/sweep/fleet-answer.ts';
import { findKnee } from '../../bench/analyse/sweep/knee.ts';
import { runBench, tempDir } from './bench-process.ts';

describe('bench sweep', () => {
  it('findKnee picks the bend of a rising, flattening curve and ignores lines without one', () => {
    expect(
      findKnee([
        { x: 1, y: 10 },
        { x: 2, y: 20 },
        { x: 3, y: 28 },
        { x: 4, y: 30 },
        { x: 5, y: 31 },
      ]),
    ).toBe(2);
    expect(
      findKnee([
        { x: 1, y: 10 },
        { x: 2, y: 20 },
        { x: 3, y: 30 },
      ]),
    ).toBeNull();
    expect(
      findKnee([
        { x: 1, y: 10 },
        { x: 2, y: 20 },
      ]),
    ).toBeNull();
  });

  it('answers "how many robots?" from a sweep JSON: a synthetic curve that levels off at 1,000 orders/h', () => {
    // Seeds scatter ±20 around a curve that reaches 950 at 110 robots and levels off at 1,000.
    const curve: Array<[number, number]> = [
      [50, 600],
      [75, 820],
      [90, 900],
      [110, 960],
      [125, 990],
      [150, 1000],
      [200, 995],
    ];
    const offsets = [-20, -10, 0, 10, 20];
    const runs = curve.flatMap(([robots, y]) =>
      offsets.map((d, seed) => ({ status: 'ok', params: { layout: 'synthetic', robots }, kpis: { throughputPerHour: y + d }, seed })),
    );
    runs.push({ status: 'error', params: { layout: 'synthetic', robots: 300 }, kpis: null as never, seed: 0 });
    const [answer, ...rest] = answersFromSweepJson({ runs });
    expect(rest).toHaveLength(0);
    // Means are the curve itself; 95 % of the 1,000 plateau is 950: first reached at 110 robots.
    expect(answer!.robots).toBe(110);
    expect(answer!.plateauPerHour).toBe(1000);
    expect(answer!.seeds).toBe(5);
    // Resampled means move by up to ±20: the plateau anywhere in 990–1,020ish and the answer 90–125.
    expect(answer!.robotsLow).toBeGreaterThanOrEqual(90);
    expect(answer!.robotsLow).toBeLessThanOrEqual(110);
    expect(answer!.robotsHigh).toBeGreaterThanOrEqual(110);
    expect(answer!.robotsHigh).toBeLessThanOrEqual(125);
    expect(answer!.plateauLowPerHour).toBeGreaterThanOrEqual(990);
    expect(answer!.plateauHighPerHour).toBeLessThanOrEqual(1020);
    expect(answer!.sentence).toBe(
      `synthetic needs 110 robots (${answer!.robotsLow}–${answer!.robotsHigh}) for 95 % of its 1,000 orders/h plateau (${Math.round(answer!.plateauLowPerHour).toLocaleString('en-US')}–${Math.round(answer!.plateauHighPerHour).toLocaleString('en-US')}; 95 % bootstrap intervals over 5 seeds a point).`,
    );
    expect(answer!.atEdge).toBe(false);
    // A curve still rising at its largest fleet says so.
    const rising = fleetAnswer('rising', [
      { robots: 10, values: [100, 110] },
      { robots: 20, values: [200, 210] },
    ]);
    expect(rising!.atEdge).toBe(true);
    expect(rising!.sentence).toMatch(
      /^rising needs 20 robots .* The highest mean is at the largest fleet swept: the curve may still be rising, so sweep further\.$/,
    );
    // Deterministic: the bootstrap stream is seeded.
    expect(answersFromSweepJson({ runs })[0]).toEqual(answer);
    // Without seed-to-seed spread the interval collapses onto the answer.
    const exact = fleetAnswer(
      'flat',
      curve.map(([robots, y]) => ({ robots, values: [y, y, y] })),
    );
    expect([exact!.robotsLow, exact!.robots, exact!.robotsHigh]).toEqual([110, 110, 110]);
    expect(exact!.sentence).toBe(
      'flat needs 110 robots (exactly 110 in every resample) for 95 % of its 1,000 orders/h plateau (1,000–1,000; 95 % bootstrap intervals over 3 seeds a point).',
    );
  });

  it('writes CSV, JSON (with the answers) and an SVG with one banded line per layout and its answer marked; bad files exit 2', async () => {
    const dir = tempDir('sweep');
    const file = join(dir, 'tiny.json');
    const grid = { robots: [2, 4, 8], blockColumns: [3], aisles: [2, 3], stations: [2] };
    writeFileSync(file, JSON.stringify({ name: 'tiny', controller: 'reserve', seeds: [1, 2], minutes: 1, grid }));
    const out = await runBench(['sweep', file, '--out', join(dir, 'out')]);
    expect(out.code, out.stderr).toBe(0);
    const csv = readFileSync(join(dir, 'out', 'sweep.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toMatch(/^layout,blockColumns,aisles,stations,robots,seed,status,throughputPerHour/);
    expect(csv).toHaveLength(1 + 12);
    const json = JSON.parse(readFileSync(join(dir, 'out', 'sweep.json'), 'utf8')) as {
      points: Array<{ layout: string; robots: number; throughputPerHour: number; knee: boolean }>;
      answers: Array<{ layout: string; sentence: string }>;
      runs: unknown[];
    };
    expect(json.runs).toHaveLength(12);
    expect(json.answers.map((a) => a.layout)).toEqual(['c3-a2-s2', 'c3-a3-s2']);
    for (const a of json.answers) expect(out.stdout).toContain(a.sentence);
    expect(json.answers[0]!.sentence).toMatch(/^c3-a2-s2 needs \d+ robots \(.+\) for 95 % of its [\d,]+ orders\/h plateau/);
    expect(json.points.map((p) => `${p.layout}:${p.robots}`)).toEqual(['c3-a2-s2:2', 'c3-a2-s2:4', 'c3-a2-s2:8', 'c3-a3-s2:2', 'c3-a3-s2:4', 'c3-a3-s2:8']);
    const svg = readFileSync(join(dir, 'out', 'throughput.svg'), 'utf8');
    expect(svg.match(/<polyline class="series"/g)).toHaveLength(2);
    expect(svg.match(/class="answer"/g)).toHaveLength(2);
    writeFileSync(file, JSON.stringify({ name: 'tiny', minutes: 1, grid: { ...grid, stations: [9] } }));
    const bad = await runBench(['sweep', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/stations must be an integer in 1\.\.4/);
    writeFileSync(file, JSON.stringify({ name: 'tiny', seeds: [1], minutes: 1, grid }));
    const oneSeed = await runBench(['sweep', file]);
    expect(oneSeed.code).toBe(2);
    expect(oneSeed.stderr).toMatch(/seeds: at least 2 seeds a point/);
  }, 90_000);
});
