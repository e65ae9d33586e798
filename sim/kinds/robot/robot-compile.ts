import type { z } from 'zod';
import { CellKind } from '../../model/layout-grid.ts';
import type { RobotModel } from './robot-columns.ts';
import { robotModelSpecSchema, type RobotModelSpec } from '../../schema/robot-model-spec.ts';
import { formatPath } from '../../schema/spec-error.ts';
import type { KindCompileContext } from '../../kind/kind-def.ts';
import type { fleetSpecSchema } from './fleet-spec.ts';

const CELL_NAMES: Record<number, string> = {
  [CellKind.Wall]: 'a wall (#)',
  [CellKind.Station]: 'a pick station (P)',
  [CellKind.Charger]: 'a charger (C)',
};

/**
 * Fleet entry `f`'s robot model from the host's catalogue, checked; null (with the problem
 * reported) when the catalogue has no such model or its spec is invalid.
 */
export function robotModelOf(
  name: string,
  f: number,
  catalog: Readonly<Record<string, unknown>>,
  issue: (path: string, message: string) => void,
): RobotModelSpec | null {
  // Catalogue names with a colon are other kinds' models (`arm:ur5e`).
  const raw = name.includes(':') ? undefined : catalog[name];
  if (!raw) {
    issue(
      `fleet[${f}].model`,
      `unknown robot model "${name}"; known: ${Object.keys(catalog)
        .filter((k) => !k.includes(':'))
        .join(', ')}`,
    );
    return null;
  }
  const checked = robotModelSpecSchema.safeParse(raw);
  if (!checked.success) {
    for (const problem of checked.error.issues) issue(`fleet[${f}].model(${name}).${formatPath(problem.path)}`, problem.message);
    return null;
  }
  return checked.data;
}

/**
 * Robots in fleet order: each entry's model from the host's robot-model catalogue, spawned on its
 * `spawnCells` or on the layout's `S` cells in reading order. Chargers (`C`) become `chargerNodes`.
 */
export function compileRobots(ctx: KindCompileContext<z.output<typeof fleetSpecSchema>>): { things: RobotModel[]; model: { chargerNodes: number[] } } {
  const { grid, roadmap } = ctx;
  const catalog = ctx.catalog as Readonly<Record<string, RobotModelSpec>>;
  const fleet = ctx.section ?? [];
  if (!ctx.section && ctx.spec.line === undefined) ctx.issue('fleet', 'required (a scenario without a production line needs a fleet)');
  const spawnCells = ctx.cellsOf('S');
  const total = fleet.reduce((s, e) => s + e.count, 0);
  let nextSpawn = 0;
  const robots: RobotModel[] = [];
  const usedSpawn = new Set<number>();
  fleet.forEach((entry, f) => {
    const model = robotModelOf(entry.model, f, catalog, ctx.issue);
    if (!model) return;
    if (!ctx.loadTypes.some((type) => type.id === model.handles)) {
      ctx.issue(`fleet[${f}].model(${entry.model}).handles`, `no load type "${model.handles}"; known: ${ctx.loadTypes.map((type) => type.id).join(', ')}`);
      return;
    }
    for (let k = 0; k < entry.count; k++) {
      let cell: number;
      let path: string;
      if (entry.spawnCells) {
        const ref = entry.spawnCells[k];
        path = `fleet[${f}].spawnCells[${k}]`;
        if (!ref) {
          ctx.issue(`fleet[${f}].spawnCells`, `${entry.count} robots but only ${entry.spawnCells.length} spawn cells`);
          return;
        }
        if (ref.row >= grid.rows || ref.col >= grid.cols) {
          ctx.issue(path, `cell (row ${ref.row}, col ${ref.col}) is outside the ${grid.rows}×${grid.cols} layout`);
          continue;
        }
        cell = ref.row * grid.cols + ref.col;
        const kind = grid.kinds[cell]!;
        if (kind !== CellKind.Floor && kind !== CellKind.Spawn && kind !== CellKind.OneWay) {
          const what =
            CELL_NAMES[kind] ??
            ctx.loadTypes.find((type) => type.char === (ctx.spec.layout as { rows: readonly string[] }).rows[ref.row]?.[ref.col])?.cellName ??
            'not floor';
          ctx.issue(path, `cell (row ${ref.row}, col ${ref.col}) is ${what}; robots must spawn on floor`);
          continue;
        }
      } else {
        path = `fleet[${f}].count`;
        if (nextSpawn >= spawnCells.length) {
          ctx.issue(path, `fleet needs ${total} spawn points but the layout has ${spawnCells.length} (S)`);
          return;
        }
        cell = spawnCells[nextSpawn++]!;
      }
      if (usedSpawn.has(cell)) {
        ctx.issue(path, `two robots spawn on the same cell (row ${Math.floor(cell / grid.cols)}, col ${cell % grid.cols})`);
        continue;
      }
      usedSpawn.add(cell);
      robots.push({ id: robots.length, model, spawnNode: roadmap.cellNode[cell]! });
    }
  });
  return { things: robots, model: { chargerNodes: ctx.cellsOf('C').map((cell) => roadmap.cellNode[cell]!) } };
}
