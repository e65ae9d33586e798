import { createRootRng, type ScenarioSpecInput } from '../../sim/index.ts';
import { parseCountListFile, type ListLine } from './count-list-file.ts';
import { ImportError, type ImportIssue } from './import-error.ts';
import { parseMovingAiMap, type MovingAiGrid } from './movingai-map.ts';

/** Options of an import: what the files do not say. */
export interface ImportOptions {
  /** Layout cell size, metres (default 1). */
  cellM?: number;
  /** Simulated horizon, minutes (default 10). */
  minutes?: number;
  /** Robot model of the team (default `tote-carrier`). */
  robotModel?: string;
  /** Episode seed, also the seed of generated delays (default 1). */
  seed?: number;
  /** Seconds per LoRR timestep, to turn delay durations into time (default 1). */
  timestepSec?: number;
  /** For a bare `.map`: robots to place and tasks to draw (defaults 10 and 1000). */
  robots?: number;
  tasks?: number;
}

/** Reads a file by path (relative paths are already resolved); throws when it cannot. */
export type ReadText = (path: string) => string;

const IDLE_ORDERS = { ratePerHour: 0, skuCount: 1, skusPerLoad: 1, linesPerOrder: { min: 1, max: 1 }, pickSecPerLine: 1 } as const;
const KNOWN_KEYS = ['mapFile', 'agentFile', 'taskFile', 'teamSize', 'numTasksReveal', 'agentSize', 'agentCounter', 'delayConfig'];

/** `dir/of/file.json` + `maps/x.map` → `dir/of/maps/x.map` (POSIX separators; absolute paths kept). */
export function resolveRelative(fromFile: string, rel: string): string {
  if (rel.startsWith('/')) return rel;
  const parts = fromFile.split('/').slice(0, -1);
  for (const p of rel.split('/')) {
    if (p === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/') || '.';
}

function baseName(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.[^.]*$/, '');
}

/** 1-based line of the first `"key"` in JSON text (0 when absent). */
function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(`"${key}"`);
  return at < 0 ? 0 : text.slice(0, at).split('\n').length;
}

function readOrIssue(read: ReadText, path: string, shown: string, issues: ImportIssue[]): string | null {
  try {
    return read(path);
  } catch (error) {
    issues.push({ file: shown, line: 0, message: `cannot read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
    return null;
  }
}

/**
 * Imports a League of Robot Runners problem (2026 format): a JSON naming `mapFile`, `agentFile`,
 * `taskFile` (relative to the JSON), `teamSize`, `numTasksReveal`, `agentSize`, `agentCounter` and
 * `delayConfig`. The team starts on the first `teamSize` agent cells; tasks become errand tasks
 * (cells visited in order), `numTasksReveal × teamSize` of them revealed at once and the list
 * reused cyclically; `delayConfig` (`pDelay` per robot and timestep, `minDelay`..`maxDelay`
 * timesteps) becomes seeded `robot.stall` events.
 * @throws ImportError naming the file and line of every problem.
 */
export function importLorrProblem(jsonPath: string, read: ReadText, options: ImportOptions = {}): ScenarioSpecInput {
  const issues: ImportIssue[] = [];
  const text = readOrIssue(read, jsonPath, jsonPath, issues);
  if (text === null) throw new ImportError(issues);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const pos = /position (\d+)/.exec(message);
    const lineMatch = /line (\d+)/.exec(message);
    const line = lineMatch ? Number(lineMatch[1]) : pos ? text.slice(0, Number(pos[1])).split('\n').length : 0;
    throw new ImportError([{ file: jsonPath, line, message: `not valid JSON: ${message}` }]);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ImportError([{ file: jsonPath, line: 1, message: 'a problem file must be a JSON object' }]);
  const p = raw as Record<string, unknown>;
  const at = (key: string) => lineOfKey(text, key) || 1;
  for (const key of Object.keys(p)) if (!KNOWN_KEYS.includes(key)) issues.push({ file: jsonPath, line: at(key), message: `unknown key "${key}"; known: ${KNOWN_KEYS.join(', ')}` });
  const str = (key: string): string | null => {
    if (typeof p[key] === 'string' && p[key] !== '') return p[key] as string;
    issues.push({ file: jsonPath, line: p[key] === undefined ? 1 : at(key), message: `${key} must be a file path (string)${p[key] === undefined ? ', missing' : ''}` });
    return null;
  };
  const num = (key: string, int: boolean, lo: number, hi: number, required = true): number | null => {
    const v = p[key];
    if (v === undefined && !required) return null;
    if (typeof v !== 'number' || !Number.isFinite(v) || (int && !Number.isInteger(v)) || v < lo || v > hi) {
      issues.push({ file: jsonPath, line: v === undefined ? 1 : at(key), message: `${key} must be ${int ? 'an integer' : 'a number'} in ${lo}..${hi}${v === undefined ? ', missing' : `, got ${JSON.stringify(v)}`}` });
      return null;
    }
    return v;
  };
  const mapFile = str('mapFile');
  const agentFile = str('agentFile');
  const taskFile = str('taskFile');
  const teamSize = num('teamSize', true, 1, 5000);
  const reveal = num('numTasksReveal', false, 1e-9, 1000);
  const agentSize = num('agentSize', false, 0, 100, false);
  num('agentCounter', false, -1e9, 1e9, false);
  if (agentSize !== null && agentSize > 1) issues.push({ file: jsonPath, line: at('agentSize'), message: `agentSize ${agentSize}: only robots of one cell are modelled` });
  const delays = parseDelayConfig(p.delayConfig, jsonPath, at('delayConfig'), issues);
  if (issues.length > 0 || !mapFile || !agentFile || !taskFile || teamSize === null || reveal === null) throw new ImportError(issues);

  const mapPath = resolveRelative(jsonPath, mapFile);
  const mapText = readOrIssue(read, mapPath, mapPath, issues);
  let grid: MovingAiGrid | null = null;
  if (mapText !== null) {
    try {
      grid = parseMovingAiMap(mapText, mapPath);
    } catch (error) {
      if (error instanceof ImportError) issues.push(...error.issues);
      else throw error;
    }
  }
  const agentPath = resolveRelative(jsonPath, agentFile);
  const taskPath = resolveRelative(jsonPath, taskFile);
  const agentText = readOrIssue(read, agentPath, agentPath, issues);
  const taskText = readOrIssue(read, taskPath, taskPath, issues);
  const agents = agentText === null ? [] : parseCountListFile(agentText, agentPath, issues);
  const tasks = taskText === null ? [] : parseCountListFile(taskText, taskPath, issues);
  if (!grid || issues.length > 0) throw new ImportError(issues);
  const g = grid;
  const checkCells = (items: ListLine[], file: string, what: string) => {
    let reported = 0;
    for (const item of items) {
      if (what === 'agent' && item.values.length !== 1 && reported++ < 50) issues.push({ file, line: item.line, message: `an agent line holds one cell index, found ${item.values.length}` });
      for (const cell of item.values) {
        if (g.isFree(cell)) continue;
        if (reported++ >= 50) break;
        const inside = cell < g.width * g.height;
        issues.push({ file, line: item.line, message: inside ? `cell ${cell} (row ${Math.floor(cell / g.width)}, col ${cell % g.width}) is an obstacle in ${mapPath}` : `cell ${cell} is outside the ${g.height}×${g.width} map ${mapPath}` });
      }
    }
  };
  checkCells(agents, agentPath, 'agent');
  checkCells(tasks, taskPath, 'task');
  if (agents.length < teamSize && agents.length > 0) issues.push({ file: jsonPath, line: at('teamSize'), message: `teamSize ${teamSize} but ${agentPath} lists ${agents.length} agents` });
  if (tasks.length === 0 && issues.length === 0) issues.push({ file: taskPath, line: 0, message: 'no tasks' });
  const team = agents.slice(0, teamSize);
  const seen = new Map<number, number>();
  for (const a of team) {
    const first = seen.get(a.values[0]!);
    if (first !== undefined) issues.push({ file: agentPath, line: a.line, message: `agent starts on cell ${a.values[0]}, like the agent on line ${first}` });
    else seen.set(a.values[0]!, a.line);
  }
  if (issues.length > 0) throw new ImportError(issues);
  const name = baseName(jsonPath);
  const minutes = options.minutes ?? 10;
  const cellM = options.cellM ?? 1;
  const layoutCols = g.rows[0]!.length;
  return {
    id: `import/lorr-${name}@1`,
    title: `LoRR problem ${name}`,
    description: `League of Robot Runners problem ${jsonPath}: ${g.height}×${g.width} map, team of ${teamSize}, ${tasks.length} tasks, ${Math.max(1, Math.round(reveal * teamSize))} revealed at once.`,
    stresses: 'lifelong multi-robot pathfinding on an imported grid: tasks finished',
    layout: { rows: [...g.rows], cellM },
    fleet: [{ model: options.robotModel ?? 'tote-carrier', count: teamSize, spawnCells: team.map((a) => cellRef(g.cellOf(a.values[0]!), layoutCols)) }],
    orders: { ...IDLE_ORDERS, linesPerOrder: { ...IDLE_ORDERS.linesPerOrder } },
    errands: { tasks: tasks.map((t) => t.values.map((c) => g.cellOf(c))), openTasks: Math.max(1, Math.round(reveal * teamSize)) },
    events: delayEvents(delays, teamSize, minutes * 60, options.timestepSec ?? 1, options.seed ?? 1),
    physics: { hz: 30, controlEvery: 3 },
    horizonSec: minutes * 60,
    seed: options.seed ?? 1,
  };
}

function cellRef(cell: number, cols: number): { row: number; col: number } {
  return { row: Math.floor(cell / cols), col: cell % cols };
}

/** Delays as read from `delayConfig`: chance per robot and timestep, duration range in timesteps. */
export interface DelayConfig {
  pDelay: number;
  minDelay: number;
  maxDelay: number;
}

function parseDelayConfig(value: unknown, file: string, line: number, issues: ImportIssue[]): DelayConfig | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    issues.push({ file, line, message: 'delayConfig must be an object' });
    return null;
  }
  const v = value as Record<string, unknown>;
  const field = (key: string, lo: number, hi: number, fallback: number): number => {
    const x = v[key];
    if (x === undefined) return fallback;
    if (typeof x !== 'number' || !Number.isFinite(x) || x < lo || x > hi) {
      issues.push({ file, line, message: `delayConfig.${key} must be a number in ${lo}..${hi}, got ${JSON.stringify(x)}` });
      return fallback;
    }
    return x;
  };
  const cfg = { pDelay: field('pDelay', 0, 1, 0), minDelay: Math.round(field('minDelay', 1, 1e6, 1)), maxDelay: Math.round(field('maxDelay', 1, 1e6, 1)) };
  if (cfg.minDelay > cfg.maxDelay) issues.push({ file, line, message: `delayConfig.minDelay ${cfg.minDelay} exceeds maxDelay ${cfg.maxDelay}` });
  return cfg;
}

/** Seeded robot stalls: each robot, each timestep, starts a delay with chance `pDelay` (at most 20,000 events). */
function delayEvents(cfg: DelayConfig | null, robots: number, horizonSec: number, timestepSec: number, seed: number): ScenarioSpecInput['events'] {
  if (!cfg || cfg.pDelay <= 0) return [];
  const rng = createRootRng(seed).fork('lorr-delays');
  const steps = Math.floor(horizonSec / timestepSec);
  const events: NonNullable<ScenarioSpecInput['events']> = [];
  for (let robot = 0; robot < robots && events.length < 20_000; robot++) {
    for (let step = 0; step < steps && events.length < 20_000; step++) {
      if (rng.next() >= cfg.pDelay) continue;
      const duration = rng.range(cfg.minDelay, cfg.maxDelay);
      events.push({ atSec: step * timestepSec, kind: 'robot.stall', robot, durationSec: duration * timestepSec });
      step += duration;
    }
  }
  return events.sort((a, b) => a.atSec - b.atSec || (a.robot as number) - (b.robot as number));
}
