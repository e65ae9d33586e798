import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError, importLorrProblem, importMovingAiMap, parseMovingAiMap } from '../../scenarios/index.ts';
import { makeHost, runCollect } from '../helpers/make-host.ts';

const DIR = 'tests/fixtures/import';
const read = (p: string) => readFileSync(p, 'utf8');
/** Reads fixture files, with some replaced by in-memory text. */
const readWith = (replace: Record<string, string>) => (p: string) => replace[p] ?? read(p);

function importIssues(f: () => unknown): string[] {
  try {
    f();
  } catch (error) {
    if (error instanceof ImportError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('MovingAI .map import', () => {
  it('reads dimensions and obstacles, treats S and E as free, and pads an unwalled border', () => {
    const grid = parseMovingAiMap(read(`${DIR}/small.map`), 'small.map');
    expect([grid.height, grid.width, grid.padded]).toEqual([6, 8, true]);
    expect(grid.rows).toEqual([
      '##########',
      '#........#',
      '#.@@..T..#'.replace(/[@T]/g, '#'),
      '#.##.....#',
      '#....##..#',
      '#.#......#',
      '#........#',
      '##########',
    ]);
    expect(grid.isFree(47)).toBe(true); // S: swamp, free
    expect(grid.isFree(9)).toBe(false); // @
    expect(grid.cellOf(0)).toBe(11);
  });

  it('keeps a walled map as it is', () => {
    const grid = parseMovingAiMap('type octile\nheight 3\nwidth 3\nmap\n@@@\n@.@\n@@@\n', 'w.map');
    expect(grid.padded).toBe(false);
    expect(grid.rows).toEqual(['###', '#.#', '###']);
  });

  it('names the line at fault', () => {
    expect(importIssues(() => parseMovingAiMap('type octile\nheight 2\nwidth 3\nmap\n...\n.?.\n', 'bad.map'))).toEqual([
      'bad.map:6: unknown map character "?" at column 2; valid: . G S E (free), @ O T W (blocked)',
    ]);
    expect(importIssues(() => parseMovingAiMap('type octile\nheight 3\nwidth 3\nmap\n...\n..\n', 'short.map'))).toEqual([
      'short.map:6: map row 1 has 2 cells; width is 3',
      'short.map:7: map row 2 missing: the header says height 3 but the file ends after 2 rows',
    ]);
    expect(importIssues(() => parseMovingAiMap('type grid\nheight x\nwidth 3\nmap\n', 'h.map'))).toEqual([
      'h.map:1: map type must be "octile", got "grid"',
      'h.map:2: height must be an integer in 1..4096, got "x"',
    ]);
  });

  it('a bare map runs with random single-cell tasks, deterministically', async () => {
    const spec = importMovingAiMap(`${DIR}/small.map`, read, { robots: 3, minutes: 2, seed: 4 });
    expect(spec.fleet![0]!.count).toBe(3);
    const host = await makeHost({ spec, controller: 'reserve' });
    runCollect(host, 2 * 60 * 30);
    expect(host.kpis().things?.errand?.tasksFinished).toBeGreaterThan(5);
    host.dispose();
  }, 120_000);
});

describe('League of Robot Runners problem import', () => {
  const problem = `${DIR}/small-problem.json`;

  it('imports the team, the task sequences and the reveal pool', () => {
    const spec = importLorrProblem(problem, read, { minutes: 5 });
    const cols = spec.layout.rows[0]!.length;
    expect(cols).toBe(10);
    // Agents 0, 7, 40 of an 8-wide map → padded layout cells (row + 1, col + 1).
    expect(spec.fleet).toEqual([
      {
        model: 'tote-carrier',
        count: 3,
        spawnCells: [
          { row: 1, col: 1 },
          { row: 1, col: 8 },
          { row: 6, col: 1 },
        ],
      },
    ]);
    const cell = (c: number) => (Math.floor(c / 8) + 1) * cols + (c % 8) + 1;
    expect((spec.errands as { tasks: number[][] }).tasks).toEqual([[cell(47), cell(0)], [cell(3), cell(44)], [cell(16), cell(23), cell(8)], [cell(45)]]);
    expect((spec.errands as { openTasks: number }).openTasks).toBe(3);
    const stalls = spec.events!.filter((e) => e.kind === 'robot.stall');
    expect(stalls.length).toBeGreaterThan(0);
    expect(importLorrProblem(problem, read, { minutes: 5 })).toEqual(spec); // seeded: same delays
  });

  it('runs at its team size with every controller, finishing tasks, errands in order', async () => {
    for (const controller of ['reserve', 'greedy']) {
      const spec = importLorrProblem(problem, read, { minutes: 5 });
      const host = await makeHost({ spec, controller });
      const events = runCollect(host, 5 * 60 * 30);
      const finished = events.filter((e) => e.type === 'errand.finished');
      expect(finished.length, controller).toBeGreaterThan(10);
      expect(host.kpis().things?.errand?.tasksFinished).toBe(finished.length);
      // Task 2 of the list (16 → 23 → 8) is reached in that order.
      const steps = events.filter((e) => e.type === 'errand.reached' && e.task === 2).map((e) => (e as { step: number }).step);
      expect(steps.slice(0, 3)).toEqual([0, 1, 2]);
      host.dispose();
    }
  }, 300_000);

  it('names the file and line at fault', () => {
    const agents = `${DIR}/small.agents`;
    const tasks = `${DIR}/small.tasks`;
    expect(importIssues(() => importLorrProblem(problem, readWith({ [agents]: '# c\n3\n0\n9\n40\n' })))).toEqual([
      `${agents}:4: cell 9 (row 1, col 1) is an obstacle in ${DIR}/small.map`,
    ]);
    expect(importIssues(() => importLorrProblem(problem, readWith({ [tasks]: '# t\n2\n47,0\n3,x\n' })))).toEqual([
      `${tasks}:4: expected cell indices (non-negative integers, comma-separated), found "3,x"`,
    ]);
    expect(importIssues(() => importLorrProblem(problem, readWith({ [tasks]: '# t\n3\n47,0\n' })))).toEqual([
      `${tasks}:4: the count says 3 items but the file ends after 1`,
    ]);
    expect(importIssues(() => importLorrProblem(problem, readWith({ [problem]: '{\n  "mapFile": "small.map",\n  "teamSize": "3"\n}' })))).toEqual([
      `${problem}:1: agentFile must be a file path (string), missing`,
      `${problem}:1: taskFile must be a file path (string), missing`,
      `${problem}:3: teamSize must be an integer in 1..100000, got "3"`,
    ]);
    expect(importIssues(() => importLorrProblem(problem, readWith({ [problem]: '{\n  "mapFile": "small.map",\n}' })))[0]).toMatch(
      /^tests\/fixtures\/import\/small-problem\.json:3: not valid JSON/,
    );
  });
});
