import { closest, distance } from 'fastest-levenshtein';
import { DEFAULT_SEED, type ScenarioSpecInput } from '../../sim/index.ts';
import { parseCountListFile, type ListLine } from './count-list-file.ts';
import { ImportError, type ImportIssue } from './import-error.ts';
import { parseLorrDelayConfig, type LorrDelayConfig } from './lorr-delay-config.ts';
import { lorrDelaySchedule } from './lorr-delay-schedule.ts';
import { checkLorrVersion } from './lorr-version.ts';
import { parseMovingAiMap, type MovingAiGrid } from './movingai-map.ts';
import { scenarioIdName } from './scenario-id.ts';

/** Options of an import: what the files do not say. */
export interface ImportOptions {
  /** Layout cell size, metres (default 1). */
  cellM?: number;
  /** Simulated horizon, minutes (default 10). */
  minutes?: number;
  /** Robot model of the team (default `tote-carrier`). */
  robotModel?: string;
  /**
   * Cruising speed of the team's robot model, m/s (default 1.8, the tote-carrier's): one LoRR
   * action (a cell forward) takes `cellM / robotSpeedMps` seconds, an execution tick that over
   * `agentCounter`. Delays and the LoRR-comparable rates are converted with it.
   */
  robotSpeedMps?: number;
  /** Episode seed (default 1). LoRR delays are seeded by `delayConfig.seed`, not by this. */
  seed?: number;
  /**
   * For a bare `.map`: robots to place (default 10). For a LoRR problem: a team size in place of
   * the file's `teamSize` (the first `robots` agents of its agent file).
   */
  robots?: number;
  /** For a bare `.map`: tasks to draw (default 1000). */
  tasks?: number;
  /** Called with each warning (a newer `version`, fewer tasks than robots …); the import goes on. */
  onWarning?: (issue: ImportIssue) => void;
}

/** Reads a file by path (relative paths are already resolved); throws when it cannot. */
export type ReadText = (path: string) => string;

/** What a LoRR problem says beyond the scenario, for LoRR-comparable reporting. */
export interface LorrProblemInfo {
  readonly version: string | null;
  readonly mapHeight: number;
  readonly mapWidth: number;
  /** Blocked map cells (`@`, `T` …), not counting a wall border the import adds. */
  readonly obstacles: number;
  readonly teamSize: number;
  readonly tasks: number;
  readonly errands: number;
  /** Tasks revealed at once: `round(numTasksReveal × teamSize)`, at least 1. */
  readonly openTasks: number;
  /** Execution ticks per Forward/Rotate action (the file's `agentCounter`, default 10). */
  readonly agentCounter: number;
  readonly agentSize: number;
  /** Seconds of one LoRR action here (`cellM / robotSpeedMps`) and of one execution tick (that / `agentCounter`). */
  readonly actionSec: number;
  readonly tickSec: number;
  readonly delay: LorrDelayConfig | null;
  /** Delays scheduled over the horizon. */
  readonly delays: number;
}

/** A LoRR problem as imported: the scenario, what the problem says beyond it, and the warnings. */
export interface ImportedLorrProblem {
  readonly spec: ScenarioSpecInput;
  readonly lorr: LorrProblemInfo;
  readonly warnings: readonly ImportIssue[];
}

const IDLE_ORDERS = { ratePerHour: 0, skuCount: 1, skusPerLoad: 1, linesPerOrder: { min: 1, max: 1 }, pickSecPerLine: 1 } as const;
/** The problem keys of the 2026 Start-Kit (`Input_Output_Format.md`). */
const KNOWN_KEYS = ['mapFile', 'agentFile', 'taskFile', 'teamSize', 'numTasksReveal', 'agentSize', 'agentCounter', 'delayConfig', 'version'];
/** Limits of the errands section (see `errandsSpecSchema`). */
const MAX_TASKS = 200_000;
const MAX_ERRANDS = 64;
const MAX_TEAM = 100_000;

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

/** 1-based line of the first `"key"` in JSON text (0 when absent). */
function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(`"${key}"`);
  return at < 0 ? 0 : text.slice(0, at).split('\n').length;
}

function readOrIssue(read: ReadText, path: string, issues: ImportIssue[]): string | null {
  try {
    return read(path);
  } catch (error) {
    issues.push({ file: path, line: 0, message: `cannot read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
    return null;
  }
}

function parseJsonObject(text: string, file: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const pos = /position (\d+)/.exec(message);
    const lineMatch = /line (\d+)/.exec(message);
    const line = lineMatch ? Number(lineMatch[1]) : pos ? text.slice(0, Number(pos[1])).split('\n').length : 0;
    throw new ImportError([{ file, line, message: `not valid JSON: ${message}` }]);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ImportError([{ file, line: 1, message: 'a problem file must be a JSON object' }]);
  return raw as Record<string, unknown>;
}

function unknownKeyMessage(key: string, known: readonly string[], ignored: boolean): string {
  const near = closest(key, known);
  const hint = distance(key.toLowerCase(), near.toLowerCase()) <= Math.max(2, Math.floor(key.length / 3)) ? `; did you mean "${near}"?` : '';
  return `unknown key "${key}"${ignored ? ' ignored' : ''}${hint}; known: ${known.join(', ')}`;
}

/**
 * Imports a League of Robot Runners problem (the Start-Kit's 2026 format, `Input_Output_Format.md`):
 * a JSON naming `mapFile`, `agentFile`, `taskFile` (relative to the JSON) and `teamSize`, with
 * optional `numTasksReveal` (default 1), `agentSize` (default 1), `agentCounter` (default 10),
 * `delayConfig` and `version`. The team starts on the first `teamSize` agent cells; each task line
 * becomes an errand task (cells visited in order), `numTasksReveal × teamSize` of them revealed at
 * once and the list reused cyclically (as the Start-Kit does); `delayConfig` becomes seeded
 * `robot.stall` events (see `lorrDelaySchedule`), LoRR execution ticks turned into seconds with
 * `agentCounter` and the robot speed. A `version` newer than 2026 is a warning, not a refusal.
 * @throws ImportError naming the file and line of every problem.
 */
export function readLorrProblem(jsonPath: string, read: ReadText, options: ImportOptions = {}): ImportedLorrProblem {
  const issues: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const text = readOrIssue(read, jsonPath, issues);
  if (text === null) throw new ImportError(issues);
  const p = parseJsonObject(text, jsonPath);
  const at = (key: string) => lineOfKey(text, key) || 1;
  const newer = checkLorrVersion(p.version, jsonPath, at('version'), issues, warnings);
  for (const key of Object.keys(p)) {
    if (!KNOWN_KEYS.includes(key)) (newer ? warnings : issues).push({ file: jsonPath, line: at(key), message: unknownKeyMessage(key, KNOWN_KEYS, newer) });
  }
  const str = (key: string): string | null => {
    if (typeof p[key] === 'string' && p[key] !== '') return p[key] as string;
    issues.push({
      file: jsonPath,
      line: p[key] === undefined ? 1 : at(key),
      message: `${key} must be a file path (string)${p[key] === undefined ? ', missing' : `, got ${JSON.stringify(p[key])}`}`,
    });
    return null;
  };
  const num = (key: string, int: boolean, lo: number, hi: number, fallback: number | null): number | null => {
    const v = p[key];
    if (v === undefined && fallback !== null) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || (int && !Number.isInteger(v)) || v < lo || v > hi) {
      issues.push({
        file: jsonPath,
        line: v === undefined ? 1 : at(key),
        message: `${key} must be ${int ? 'an integer' : 'a number'} in ${lo}..${hi}${v === undefined ? ', missing' : `, got ${JSON.stringify(v)}`}`,
      });
      return null;
    }
    return v;
  };
  const mapFile = str('mapFile');
  const agentFile = str('agentFile');
  const taskFile = str('taskFile');
  const fileTeamSize = num('teamSize', true, 1, MAX_TEAM, null);
  const teamSize = fileTeamSize === null ? null : (options.robots ?? fileTeamSize);
  const reveal = num('numTasksReveal', false, 1e-9, 1000, 1);
  const agentSize = num('agentSize', false, 1e-9, 100, 1);
  const agentCounter = num('agentCounter', true, 1, 10_000, 10);
  if (agentSize !== null && agentSize !== 1) {
    warnings.push({
      file: jsonPath,
      line: at('agentSize'),
      message: `agentSize ${agentSize}: LoRR's overlap square is not modelled; robots keep their model's footprint and physics decides contact`,
    });
  }
  const delay = parseLorrDelayConfig(p.delayConfig, { file: jsonPath, line: at('delayConfig'), lineOf: (k) => lineOfKey(text, k) }, issues, warnings, newer);
  if (issues.length > 0 || !mapFile || !agentFile || !taskFile || teamSize === null || reveal === null || agentCounter === null) throw new ImportError(issues);

  const mapPath = resolveRelative(jsonPath, mapFile);
  const mapText = readOrIssue(read, mapPath, issues);
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
  const agentText = readOrIssue(read, agentPath, issues);
  const taskText = readOrIssue(read, taskPath, issues);
  const agents = agentText === null ? [] : parseCountListFile(agentText, agentPath, issues);
  const tasks = taskText === null ? [] : parseCountListFile(taskText, taskPath, issues);
  if (!grid || issues.length > 0) throw new ImportError(issues);
  const g = grid;
  let reported = 0;
  const checkCells = (items: readonly ListLine[], file: string, what: 'agent' | 'task') => {
    for (const item of items) {
      if (what === 'agent' && item.values.length !== 1 && reported++ < 50)
        issues.push({ file, line: item.line, message: `an agent line holds one cell index, found ${item.values.length}` });
      if (what === 'task' && item.values.length > MAX_ERRANDS && reported++ < 50)
        issues.push({ file, line: item.line, message: `a task holds at most ${MAX_ERRANDS} errands here, found ${item.values.length}` });
      for (const cell of item.values) {
        if (g.isFree(cell)) continue;
        if (reported++ >= 50) break;
        const inside = cell < g.width * g.height;
        issues.push({
          file,
          line: item.line,
          message: inside
            ? `cell ${cell} (row ${Math.floor(cell / g.width)}, col ${cell % g.width}) is an obstacle in ${mapPath}`
            : `cell ${cell} is outside the ${g.height}×${g.width} map ${mapPath}`,
        });
      }
    }
  };
  const team = agents.slice(0, teamSize);
  checkCells(team, agentPath, 'agent');
  checkCells(tasks, taskPath, 'task');
  if (agents.length < teamSize && agentText !== null) {
    const what = options.robots !== undefined ? `${teamSize} robots asked for (in place of teamSize ${fileTeamSize})` : `teamSize ${teamSize}`;
    issues.push({ file: jsonPath, line: at('teamSize'), message: `${what} but ${agentPath} lists ${agents.length} agents` });
  }
  if (tasks.length === 0 && issues.length === 0) issues.push({ file: taskPath, line: 0, message: 'no tasks' });
  if (tasks.length > MAX_TASKS) issues.push({ file: taskPath, line: 0, message: `${tasks.length} tasks: at most ${MAX_TASKS} are supported` });
  const seen = new Map<number, number>();
  for (const a of team) {
    const first = seen.get(a.values[0]!);
    if (first !== undefined) issues.push({ file: agentPath, line: a.line, message: `agent starts on cell ${a.values[0]}, like the agent on line ${first}` });
    else seen.set(a.values[0]!, a.line);
  }
  if (issues.length > 0) throw new ImportError(issues);
  if (tasks.length < teamSize)
    warnings.push({
      file: taskPath,
      line: 0,
      message: `${tasks.length} tasks for ${teamSize} robots: some robots will have none at first (the Start-Kit warns too)`,
    });

  const name = scenarioIdName(jsonPath);
  const minutes = options.minutes ?? 10;
  const cellM = options.cellM ?? 1;
  const actionSec = cellM / (options.robotSpeedMps ?? 1.8);
  const tickSec = actionSec / agentCounter;
  const horizonSec = minutes * 60;
  const openTasks = Math.min(100_000, Math.max(1, Math.round(reveal * teamSize)));
  const delays = delay ? lorrDelaySchedule(delay, teamSize, Math.floor(horizonSec / tickSec)) : [];
  delays.sort((a, b) => a.tick - b.tick || a.robot - b.robot);
  const layoutCols = g.rows[0]!.length;
  let obstacles = 0;
  for (let cell = 0; cell < g.width * g.height; cell++) if (!g.isFree(cell)) obstacles++;
  const errands = tasks.reduce((n, t) => n + t.values.length, 0);
  const spec: ScenarioSpecInput = {
    id: `import/lorr-${name}@1`,
    title: `LoRR problem ${name}`,
    description: `League of Robot Runners problem ${jsonPath}: ${g.height}×${g.width} map, team of ${teamSize}, ${tasks.length} tasks, ${openTasks} revealed at once, ${delays.length} delays.`,
    stresses: 'lifelong multi-robot pathfinding on an imported grid: tasks finished',
    layout: { rows: [...g.rows], cellM },
    fleet: fleetEntries(
      options.robotModel ?? 'tote-carrier',
      team.map((a) => cellRef(g.cellOf(a.values[0]!), layoutCols)),
    ),
    orders: { ...IDLE_ORDERS, linesPerOrder: { ...IDLE_ORDERS.linesPerOrder } },
    errands: { tasks: tasks.map((t) => t.values.map((c) => g.cellOf(c))), openTasks },
    events: delays.map((d) => ({ atSec: d.tick * tickSec, kind: 'robot.stall', robot: d.robot, durationSec: d.ticks * tickSec })),
    physics: { hz: 30, controlEvery: 3 },
    horizonSec,
    seed: options.seed ?? DEFAULT_SEED,
  };
  for (const w of warnings) options.onWarning?.(w);
  const lorr: LorrProblemInfo = {
    version: typeof p.version === 'string' ? p.version : null,
    mapHeight: g.height,
    mapWidth: g.width,
    obstacles,
    teamSize,
    tasks: tasks.length,
    errands,
    openTasks,
    agentCounter,
    agentSize: agentSize ?? 1,
    actionSec,
    tickSec,
    delay,
    delays: delays.length,
  };
  return { spec, lorr, warnings };
}

/** {@link readLorrProblem}'s scenario alone (warnings go to `options.onWarning`). */
export function importLorrProblem(jsonPath: string, read: ReadText, options: ImportOptions = {}): ScenarioSpecInput {
  return readLorrProblem(jsonPath, read, options).spec;
}

/** A fleet entry holds at most this many robots; a larger team is split in order (robot k stays robot k). */
const FLEET_ENTRY_MAX = 5000;

function fleetEntries(model: string, spawnCells: Array<{ row: number; col: number }>): NonNullable<ScenarioSpecInput['fleet']> {
  const entries = [];
  for (let k = 0; k < spawnCells.length; k += FLEET_ENTRY_MAX) {
    const cells = spawnCells.slice(k, k + FLEET_ENTRY_MAX);
    entries.push({ model, count: cells.length, spawnCells: cells });
  }
  return entries;
}

function cellRef(cell: number, cols: number): { row: number; col: number } {
  return { row: Math.floor(cell / cols), col: cell % cols };
}
