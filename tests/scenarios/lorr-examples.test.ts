import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLorrProblem, type ImportIssue } from '../../scenarios/index.ts';
import { makeHost, runCollect } from '../helpers/make-host.ts';

/**
 * The Start-Kit's small example problems (unmodified copies, tests/fixtures/lorr) import exactly:
 * every figure below is read from the files here, by this test's own minimal parsing, and
 * compared with what the importer made of them.
 */
const DIR = 'tests/fixtures/lorr';
const read = (p: string) => readFileSync(p, 'utf8');

interface RawProblem {
  height: number;
  width: number;
  /** Map characters, row-major. */
  cells: string;
  teamSize: number;
  agents: number[];
  tasks: number[][];
  reveal: number;
}

/** Independent reading of a problem: JSON, then the map, agent and task files as plain text. */
function readRaw(json: string): RawProblem {
  const dir = json.slice(0, json.lastIndexOf('/'));
  const p = JSON.parse(read(json)) as { mapFile: string; agentFile: string; taskFile: string; teamSize: number; numTasksReveal: number };
  const mapLines = read(`${dir}/${p.mapFile}`).split('\n');
  const height = Number(mapLines[1]!.split(' ')[1]);
  const width = Number(mapLines[2]!.split(' ')[1]);
  const cells = mapLines
    .slice(4, 4 + height)
    .map((l) => l.trimEnd())
    .join('');
  const items = (file: string) =>
    read(`${dir}/${file}`)
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'))
      .slice(1);
  return {
    height,
    width,
    cells,
    teamSize: p.teamSize,
    agents: items(p.agentFile).map(Number),
    tasks: items(p.taskFile).map((l) => l.split(',').map(Number)),
    reveal: p.numTasksReveal,
  };
}

const EXAMPLES = [
  { json: `${DIR}/maze.domain/maze-example_40.json`, id: 'import/lorr-maze-example-40@1', height: 32, width: 32, robots: 40, tasks: 160 },
  { json: `${DIR}/room.domain/room-example_150.json`, id: 'import/lorr-room-example-150@1', height: 64, width: 64, robots: 150, tasks: 1375 },
  { json: `${DIR}/random.domain/random-example_400.json`, id: 'import/lorr-random-example-400@1', height: 64, width: 64, robots: 400, tasks: 3200 },
];

describe('Start-Kit example problems (2026 format) import exactly', () => {
  for (const ex of EXAMPLES) {
    it(`${ex.json.split('/').pop()}: dimensions, obstacles, starts, errands and reveal pool as in the files`, () => {
      const raw = readRaw(ex.json);
      const warnings: ImportIssue[] = [];
      const { spec, lorr } = readLorrProblem(ex.json, read, { minutes: 2, onWarning: (w) => warnings.push(w) });
      expect(warnings).toEqual([]); // "version": "2026 LoRR" is known
      expect(spec.id).toBe(ex.id);
      expect([raw.height, raw.width, raw.teamSize, raw.tasks.length]).toEqual([ex.height, ex.width, ex.robots, ex.tasks]);
      expect([lorr.mapHeight, lorr.mapWidth]).toEqual([raw.height, raw.width]);
      const obstacles = [...raw.cells].filter((c) => c === '@' || c === 'T').length;
      expect(lorr.obstacles).toBe(obstacles);
      expect(lorr.obstacles).toBeGreaterThan(300);
      // The layout: the map inside a one-cell wall border (these maps have free border cells).
      const rows = spec.layout.rows;
      expect([rows.length, rows[0]!.length]).toEqual([raw.height + 2, raw.width + 2]);
      for (let r = 0; r < raw.height; r++) {
        const mapRow = raw.cells
          .slice(r * raw.width, (r + 1) * raw.width)
          .replace(/[@T]/g, '#')
          .replace(/[ES]/g, '.');
        expect(rows[r + 1]).toBe(`#${mapRow}#`);
      }
      const cols = raw.width + 2;
      const layoutCell = (c: number) => (Math.floor(c / raw.width) + 1) * cols + (c % raw.width) + 1;
      // Starts: the first teamSize agents (room lists 250 agents for a team of 150).
      expect(raw.agents.length).toBeGreaterThanOrEqual(raw.teamSize);
      const fleet = spec.fleet as Array<{ count: number; spawnCells: Array<{ row: number; col: number }> }>;
      expect(fleet[0]!.count).toBe(raw.teamSize);
      expect(fleet[0]!.spawnCells.map((s) => s.row * cols + s.col)).toEqual(raw.agents.slice(0, raw.teamSize).map(layoutCell));
      // Errands: every task, every errand, in order; the reveal pool numTasksReveal × teamSize.
      const errands = spec.errands as { tasks: number[][]; openTasks: number };
      expect(errands.tasks.slice(0, 5)).toEqual(raw.tasks.slice(0, 5).map((t) => t.map(layoutCell)));
      expect(errands.tasks).toEqual(raw.tasks.map((t) => t.map(layoutCell)));
      expect(lorr.errands).toBe(raw.tasks.reduce((n, t) => n + t.length, 0));
      expect(errands.openTasks).toBe(Math.round(raw.reveal * raw.teamSize));
      expect(lorr.agentCounter).toBe(3);
    });
  }

  it('maps delayConfig onto robot stalls: in range, per robot never overlapping, seeded by delayConfig.seed alone', () => {
    const json = EXAMPLES[1]!.json; // room: poisson events, uniform 10..30 ticks
    const { spec, lorr } = readLorrProblem(json, read, { minutes: 2 });
    const stalls = spec.events!.filter((e) => e.kind === 'robot.stall') as unknown as Array<{ atSec: number; robot: number; durationSec: number }>;
    expect(stalls.length).toBe(lorr.delays);
    expect(stalls.length).toBeGreaterThan(100);
    const busyUntil = new Map<number, number>();
    for (const s of stalls) {
      const ticks = Math.round(s.durationSec / lorr.tickSec);
      expect(ticks).toBeGreaterThanOrEqual(10);
      expect(ticks).toBeLessThanOrEqual(30);
      expect(s.robot).toBeLessThan(150);
      expect(s.atSec).toBeGreaterThanOrEqual(busyUntil.get(s.robot) ?? 0);
      busyUntil.set(s.robot, s.atSec + s.durationSec - 1e-9);
    }
    // Another episode seed: the same delays (LoRR seeds them with delayConfig.seed).
    expect(readLorrProblem(json, read, { minutes: 2, seed: 99 }).spec.events).toEqual(spec.events);
    // Another delayConfig.seed: other delays.
    const reseeded = read(json).replace('"seed": 0', '"seed": 1');
    expect(readLorrProblem(json, (p) => (p === json ? reseeded : read(p)), { minutes: 2 }).spec.events).not.toEqual(spec.events);
  });

  it('the maze runs with pibt: tasks finished, every scheduled stall fired, no robot-robot collision', async () => {
    const { spec } = readLorrProblem(EXAMPLES[0]!.json, read, { minutes: 1.5 });
    const scheduled = spec.events!.length;
    expect(scheduled).toBeGreaterThan(0);
    const host = await makeHost({ spec, controller: 'pibt' });
    const events = runCollect(host);
    const fired = events.filter((e) => e.type === 'fault.injected' && (e as { kind: string }).kind === 'robot.stall').length;
    expect(fired).toBe(scheduled);
    const kpis = host.kpis();
    expect(kpis.things?.errand?.tasksFinished).toBeGreaterThan(3);
    expect(kpis.collisions.robotRobot).toBe(0);
    host.dispose();
  }, 120_000);
});
