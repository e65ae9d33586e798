/**
 * Opening dropped or picked files in the page's worker (`web/worker/open-scenario-files.ts`): a
 * LoRR problem chosen with its files imports exactly as `run --import` does, a bare `.map`
 * imports, a scenario `.json` passes through, and every bad choice is one clear sentence naming
 * the file (and line) at fault.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findScenario, readLorrProblem } from '../../scenarios/index.ts';
import { openScenarioFiles, type NamedFile } from '../../web/worker/open-scenario-files.ts';

const ROOM = fileURLToPath(new URL('../fixtures/lorr/room.domain/', import.meta.url));
const PROBLEM = join(ROOM, 'room-example_150.json');
const ROOM_FILES = [PROBLEM, join(ROOM, 'maps/room-64-64-16.map'), join(ROOM, 'agents/room-example_250.agents'), join(ROOM, 'tasks/room-example_250.tasks')];

/** A file as a browser hands it over: a bare name (no folder) and its text. */
const file = (name: string, text: string): NamedFile => ({ name, text: () => Promise.resolve(text) });
const onDisk = (path: string): NamedFile => file(basename(path), readFileSync(path, 'utf8'));

describe('openScenarioFiles', () => {
  it('imports a LoRR problem chosen with its map, agents and tasks files, as run --import does', async () => {
    const opened = await openScenarioFiles(ROOM_FILES.map(onDisk));
    if (!opened.ok) throw new Error(`${opened.message}\n${opened.problems.join('\n')}`);
    const expected = readLorrProblem(PROBLEM, (p) => readFileSync(p, 'utf8')).spec;
    expect(opened.name).toBe('room-example_150.json');
    // The same scenario; only the description names the file by the path it was read from.
    expect({ ...opened.spec, description: '' }).toEqual({ ...expected, description: '' });
    expect(opened.spec.description).toMatch(/^League of Robot Runners problem room-example_150\.json: 64×64 map, team of 150/);
    expect(opened.spec.fleet!.reduce((n, f) => n + f.count, 0)).toBe(150);
  });

  it('names a file the problem needs that was not chosen', async () => {
    const opened = await openScenarioFiles(ROOM_FILES.filter((p) => !p.endsWith('.map')).map(onDisk));
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.message).toBe('Cannot import room-example_150.json: 1 problem');
    expect(opened.problems).toEqual([
      'maps/room-64-64-16.map: cannot read: room-64-64-16.map was not among the chosen files: choose room-example_150.json together with the files it names',
    ]);
  });

  it('gives file and line of a bad map, and of a bad key in the problem', async () => {
    const files = ROOM_FILES.map(onDisk);
    files[1] = file('room-64-64-16.map', 'type octile\nheight 2\nwidth 3\nmap\n..\n...\n');
    const badMap = await openScenarioFiles(files);
    expect(badMap.ok).toBe(false);
    if (!badMap.ok) expect(badMap.problems.some((p) => /^maps\/room-64-64-16\.map:\d+: /.test(p))).toBe(true);

    const problem = JSON.parse(readFileSync(PROBLEM, 'utf8')) as Record<string, unknown>;
    const badKey = await openScenarioFiles([
      file('room-example_150.json', JSON.stringify({ ...problem, agentCountr: 3 }, null, 2)),
      ...ROOM_FILES.slice(1).map(onDisk),
    ]);
    expect(badKey.ok).toBe(false);
    if (!badKey.ok) expect(badKey.problems.join('\n')).toMatch(/room-example_150\.json:\d+: unknown key "agentCountr"; did you mean "agentCounter"\?/);
  });

  it('imports a bare MovingAI map with the robots asked for', async () => {
    const opened = await openScenarioFiles([onDisk(join(ROOM, 'maps/room-64-64-16.map'))], { robots: 25 });
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.spec.fleet!.reduce((n, f) => n + f.count, 0)).toBe(25);
    expect(opened.spec.layout.rows.length).toBeGreaterThanOrEqual(64);
  });

  it('passes a scenario .json through (the load validates it) and refuses what is not one', async () => {
    const spec = findScenario('warehouse/g2p-small')!;
    const opened = await openScenarioFiles([file('floor.json', JSON.stringify(spec))]);
    expect(opened.ok && opened.spec).toEqual(JSON.parse(JSON.stringify(spec)));

    const refusal = async (files: NamedFile[]) => {
      const r = await openScenarioFiles(files);
      if (r.ok) throw new Error('opened');
      return r.message;
    };
    expect(await refusal([file('broken.json', '{ "id": ')])).toMatch(/^broken\.json is not valid JSON: /);
    expect(await refusal([file('list.json', '[1, 2]')])).toBe('list.json does not hold a scenario: expected a JSON object, found an array');
    expect(await refusal([file('a.json', '{}'), file('b.json', '{}')])).toBe('Choose one scenario or problem .json at a time, not a.json, b.json');
    expect(await refusal([file('floor.json', JSON.stringify(spec)), file('x.map', '')])).toBe('A scenario .json opens alone: floor.json came with x.map');
    expect(await refusal([file('notes.txt', 'hello')])).toMatch(/^Cannot open notes\.txt: the page opens a scenario \.json, a League of Robot Runners problem/);
    expect(await refusal([])).toMatch(/^No file chosen: /);
  });
});
