import { z } from 'zod';
import { robotModelSpecSchema, type RobotModelSpec } from '../spec/robot-model-spec.ts';
import { scenarioSpecSchema, type ScenarioSpec, type ScenarioSpecInput } from '../spec/scenario-spec.ts';
import { formatPath, ScenarioSpecError, type SpecIssue } from '../spec/spec-error.ts';
import { CellKind, parseLayout, wallRuns, type LayoutGrid } from '../model/layout-grid.ts';
import { buildRoadmap } from '../model/roadmap.ts';
import type { LoadGeometry, LoadModel, RobotModel, SimModel, StationModel } from '../model/sim-model.ts';

/** Robot models the scenario may name, by id (usually `robotModels` from `robots/`). */
export type RobotModelCatalog = Readonly<Record<string, RobotModelSpec>>;

/** Geometry of loads, metres and kilograms. Pods are Kiva-style shelves on four legs. */
export const LOAD_GEOMETRY: Readonly<Record<'pod' | 'tote', LoadGeometry>> = Object.freeze({
  pod: { widthM: 0.9, heightM: 1.9, clearanceM: 0.42, legM: 0.06, massKg: 120 },
  tote: { widthM: 0.6, heightM: 0.35, clearanceM: 0, legM: 0, massKg: 15 },
});

const KIND_NAMES: Record<number, string> = {
  [CellKind.Wall]: 'a wall (#)',
  [CellKind.Rack]: 'a rack pod (R)',
  [CellKind.ToteRack]: 'a tote rack (T)',
  [CellKind.Station]: 'a pick station (P)',
  [CellKind.Charger]: 'a charger (C)',
};

/** Height at which tote stands hold a tote (robots drive in under it). */
export const TOTE_STAND_HEIGHT_M = 0.4;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

function structuralIssues(error: z.ZodError, prefix = ''): SpecIssue[] {
  return error.issues.map((issue) => ({
    path: prefix + formatPath(issue.path),
    message: issue.message,
  }));
}

/**
 * Validates an authored scenario and compiles it into a frozen {@link SimModel}.
 * @throws ScenarioSpecError listing every problem as `field.path: reason`.
 */
export function compileScenario(input: ScenarioSpecInput | unknown, catalog: RobotModelCatalog): SimModel {
  const idForErrors =
    typeof input === 'object' && input && typeof (input as { id?: unknown }).id === 'string'
      ? (input as { id: string }).id
      : '(unnamed)';
  const parsed = scenarioSpecSchema.safeParse(input);
  if (!parsed.success) throw new ScenarioSpecError(idForErrors, structuralIssues(parsed.error));
  const spec: ScenarioSpec = parsed.data;
  const issues: SpecIssue[] = [];

  const grid = parseLayout(spec.layout.rows, spec.layout.cellM, issues);
  if (issues.length > 0) throw new ScenarioSpecError(spec.id, issues);
  const roadmap = buildRoadmap(grid);
  const cellsOf = (kind: number) => {
    const out: number[] = [];
    for (let cell = 0; cell < grid.kinds.length; cell++) if (grid.kinds[cell] === kind) out.push(cell);
    return out;
  };
  const nodeOfCell = (cell: number) => roadmap.cellNode[cell]!;

  const stations: StationModel[] = cellsOf(CellKind.Station).map((cell, id) => ({ id, node: nodeOfCell(cell) }));
  if (stations.length === 0) issues.push({ path: 'layout.rows', message: 'the layout has no pick station (P)' });
  checkBorder(grid, issues);

  if (spec.orders.linesPerOrder.min > spec.orders.linesPerOrder.max) {
    issues.push({ path: 'orders.linesPerOrder.min', message: `min ${spec.orders.linesPerOrder.min} exceeds max ${spec.orders.linesPerOrder.max}` });
  }
  const spawnCells = cellsOf(CellKind.Spawn);
  let nextSpawn = 0;
  const robots: RobotModel[] = [];
  const usedSpawn = new Set<number>();
  spec.fleet.forEach((entry, f) => {
    const raw = catalog[entry.model];
    if (!raw) {
      issues.push({ path: `fleet[${f}].model`, message: `unknown robot model "${entry.model}"; known: ${Object.keys(catalog).join(', ')}` });
      return;
    }
    const checked = robotModelSpecSchema.safeParse(raw);
    if (!checked.success) {
      issues.push(...structuralIssues(checked.error, `fleet[${f}].model(${entry.model}).`));
      return;
    }
    const model = checked.data;
    for (let k = 0; k < entry.count; k++) {
      let cell: number;
      let path: string;
      if (entry.spawnCells) {
        const ref = entry.spawnCells[k];
        path = `fleet[${f}].spawnCells[${k}]`;
        if (!ref) {
          issues.push({ path: `fleet[${f}].spawnCells`, message: `${entry.count} robots but only ${entry.spawnCells.length} spawn cells` });
          return;
        }
        if (ref.row >= grid.rows || ref.col >= grid.cols) {
          issues.push({ path, message: `cell (row ${ref.row}, col ${ref.col}) is outside the ${grid.rows}×${grid.cols} layout` });
          continue;
        }
        cell = ref.row * grid.cols + ref.col;
        const kind = grid.kinds[cell]!;
        if (kind !== CellKind.Floor && kind !== CellKind.Spawn && kind !== CellKind.OneWay) {
          issues.push({ path, message: `cell (row ${ref.row}, col ${ref.col}) is ${KIND_NAMES[kind] ?? 'not floor'}; robots must spawn on floor` });
          continue;
        }
      } else {
        path = `fleet[${f}].count`;
        if (nextSpawn >= spawnCells.length) {
          issues.push({ path, message: `fleet needs ${spec.fleet.reduce((s, e) => s + e.count, 0)} spawn points but the layout has ${spawnCells.length} (S)` });
          return;
        }
        cell = spawnCells[nextSpawn++]!;
      }
      if (usedSpawn.has(cell)) {
        issues.push({ path, message: `two robots spawn on the same cell (row ${Math.floor(cell / grid.cols)}, col ${cell % grid.cols})` });
        continue;
      }
      usedSpawn.add(cell);
      robots.push({ id: robots.length, model, spawnNode: nodeOfCell(cell) });
    }
  });
  spec.faults.forEach((fault, i) => {
    const total = spec.fleet.reduce((s, e) => s + e.count, 0);
    if (fault.robot >= total) issues.push({ path: `faults[${i}].robot`, message: `robot ${fault.robot} does not exist (fleet has ${total})` });
  });

  const podCells = cellsOf(CellKind.Rack);
  const toteCells = cellsOf(CellKind.ToteRack);
  const handled = new Set(robots.map((r) => r.model.handles));
  if (podCells.length + toteCells.length === 0) issues.push({ path: 'layout.rows', message: 'the layout stores nothing: add rack pods (R) or tote racks (T)' });
  if (handled.has('pod') && podCells.length === 0) issues.push({ path: 'fleet', message: 'pod-lifting robots but no rack pods (R) in the layout' });
  if (handled.has('tote') && toteCells.length === 0) issues.push({ path: 'fleet', message: 'tote robots but no tote racks (T) in the layout' });
  if (issues.length > 0) throw new ScenarioSpecError(spec.id, issues);

  const loads: LoadModel[] = [];
  for (const cell of podCells) loads.push({ id: loads.length, kind: 'pod', homeNode: nodeOfCell(cell), skus: [], massKg: LOAD_GEOMETRY.pod.massKg });
  for (const cell of toteCells) loads.push({ id: loads.length, kind: 'tote', homeNode: nodeOfCell(cell), skus: [], massKg: LOAD_GEOMETRY.tote.massKg });
  const skuLoads = assignSkus(loads, spec.orders.skuCount, spec.orders.skusPerLoad);

  const model: SimModel = {
    spec,
    id: spec.id,
    hz: spec.physics.hz,
    dtSec: 1 / spec.physics.hz,
    controlEvery: spec.physics.controlEvery,
    horizonTicks: Math.round(spec.horizonSec * spec.physics.hz),
    grid,
    roadmap,
    stations,
    chargerNodes: cellsOf(CellKind.Charger).map(nodeOfCell),
    storageNodes: [...podCells, ...toteCells].map(nodeOfCell).sort((a, b) => a - b),
    loads,
    loadBaseYM: Float64Array.from(loads, (l) => (l.kind === 'tote' ? TOTE_STAND_HEIGHT_M : 0)),
    skuLoads,
    robots,
    loadGeometry: LOAD_GEOMETRY,
    walls: wallRuns(grid),
  };
  return deepFreeze(model);
}

/** Every border cell must be a wall, so nothing can drive off the map. */
function checkBorder(grid: LayoutGrid, issues: SpecIssue[]): void {
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      const border = r === 0 || c === 0 || r === grid.rows - 1 || c === grid.cols - 1;
      if (border && grid.kinds[r * grid.cols + c] !== CellKind.Wall) {
        issues.push({ path: `layout.rows[${r}][${c}]`, message: 'the layout must be enclosed by walls (#) on every border cell' });
        return;
      }
    }
  }
}

/**
 * Spreads SKUs over loads with a fixed stride, so each SKU sits in several loads and the
 * mapping depends only on the spec (not the seed).
 */
function assignSkus(loads: LoadModel[], skuCount: number, perLoad: number): number[][] {
  const skuLoads: number[][] = Array.from({ length: skuCount }, () => []);
  if (loads.length === 0) return skuLoads;
  const slots = loads.length * perLoad;
  for (let slot = 0; slot < slots; slot++) {
    const load = loads[slot % loads.length]!;
    const sku = (slot * 7919) % skuCount;
    if (!load.skus.includes(sku)) {
      (load.skus as number[]).push(sku);
      skuLoads[sku]!.push(load.id);
    }
  }
  for (let sku = 0; sku < skuCount; sku++) {
    if (skuLoads[sku]!.length === 0) {
      const load = loads[sku % loads.length]!;
      (load.skus as number[]).push(sku);
      skuLoads[sku]!.push(load.id);
    }
    skuLoads[sku]!.sort((a, b) => a - b);
  }
  return skuLoads;
}
