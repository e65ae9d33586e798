import { createRootRng, type ScenarioSpecInput } from '../../sim/index.ts';
import { DEFAULT_SEED } from '../../sim/index.ts';
import { ImportError } from './import-error.ts';
import { importLorrProblem, type ImportOptions, type ReadText } from './lorr-problem.ts';
import { parseMovingAiMap } from './movingai-map.ts';
import { scenarioIdName } from './scenario-id.ts';

/**
 * A scenario from a bare MovingAI `.map`: `robots` robots on seeded free cells and `tasks`
 * single-cell errand tasks drawn from the free cells (one revealed per robot), like LoRR's random
 * domain. The same map, options and seed always give the same spec.
 * @throws ImportError naming the file and line of every problem.
 */
export function importMovingAiMap(mapPath: string, read: ReadText, options: ImportOptions = {}): ScenarioSpecInput {
  let text: string;
  try {
    text = read(mapPath);
  } catch (error) {
    throw new ImportError([{ file: mapPath, line: 0, message: `cannot read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }]);
  }
  const grid = parseMovingAiMap(text, mapPath);
  const free: number[] = [];
  for (let cell = 0; cell < grid.width * grid.height; cell++) if (grid.isFree(cell)) free.push(cell);
  const robots = options.robots ?? 10;
  if (free.length < robots + 1)
    throw new ImportError([{ file: mapPath, line: 0, message: `${free.length} free cells: too few for ${robots} robots and their tasks` }]);
  const seed = options.seed ?? DEFAULT_SEED;
  const rng = createRootRng(seed).fork('movingai-import');
  const pool = free.slice();
  const starts: number[] = [];
  for (let k = 0; k < robots; k++) starts.push(pool.splice(rng.int(pool.length), 1)[0]!);
  const tasks = Array.from({ length: options.tasks ?? 1000 }, () => [grid.cellOf(free[rng.int(free.length)]!)]);
  const cols = grid.rows[0]!.length;
  const name = scenarioIdName(mapPath);
  const minutes = options.minutes ?? 10;
  return {
    id: `import/movingai-${name}@1`,
    title: `MovingAI map ${name}`,
    description: `MovingAI map ${mapPath}: ${grid.height}×${grid.width}${grid.padded ? ' (wall border added)' : ''}, ${free.length} free cells, ${robots} robots, random single-cell tasks.`,
    stresses: 'multi-robot pathfinding on an imported grid: tasks finished',
    layout: { rows: [...grid.rows], cellM: options.cellM ?? 1 },
    fleet: [
      {
        model: options.robotModel ?? 'tote-carrier',
        count: robots,
        spawnCells: starts.map((c) => ({ row: Math.floor(grid.cellOf(c) / cols), col: grid.cellOf(c) % cols })),
      },
    ],
    orders: { ratePerHour: 0, skuCount: 1, skusPerLoad: 1, linesPerOrder: { min: 1, max: 1 }, pickSecPerLine: 1 },
    errands: { tasks, openTasks: robots },
    physics: { hz: 30, controlEvery: 3 },
    horizonSec: minutes * 60,
    seed,
  };
}

/**
 * Imports a scenario from a MovingAI `.map` or a League of Robot Runners problem `.json`.
 * @throws ImportError naming the file and line of every problem.
 */
export function importScenario(path: string, read: ReadText, options: ImportOptions = {}): ScenarioSpecInput {
  if (path.endsWith('.map')) return importMovingAiMap(path, read, options);
  if (path.endsWith('.json')) return importLorrProblem(path, read, options);
  throw new ImportError([{ file: path, line: 0, message: 'an import is a MovingAI .map or a League of Robot Runners problem .json' }]);
}
