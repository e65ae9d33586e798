import type { KindCompileContext } from '../kind/kind-def.ts';
import type { KindRegistry } from '../kind/kind-registry.ts';
import { CellKind, parseLayout, wallRuns, type LayoutGrid } from '../model/layout-grid.ts';
import { buildRoadmap } from '../model/roadmap.ts';
import type { SimModel, TimelineEntry } from '../model/sim-model.ts';
import type { RobotModelSpec } from '../schema/robot-model-spec.ts';
import { ScenarioSpecError, type SpecIssue } from '../schema/spec-error.ts';
import { MAX_LAYOUT_CELLS, MAX_LAYOUT_SIDE_CELLS } from '../schema/scenario-spec.ts';
import { describeIssues } from './describe-issues.ts';
import { scenarioSchemaFor } from './scenario-schema.ts';
import { deepFreeze } from '../util/deep-freeze.ts';

/** Robot models the scenario may name, by id (usually `robotModels` from `robots/`). */
export type RobotModelCatalog = Readonly<Record<string, RobotModelSpec>>;

/** The outcome of checking a spec: the model when it is valid, else every problem found. */
export type CompileOutcome = { ok: true; model: SimModel } | { ok: false; issues: SpecIssue[] };

/**
 * Checks an authored scenario and compiles it: the structure (every object strict, unknown keys
 * named with the nearest valid one), then the layout, then each kind's own checks and the
 * scripted events against the compiled things. Every problem found at a level is reported; a
 * level runs only when the one it builds on is sound, except the kinds' checks of their own
 * sections (`checkSection`), which run on any section that is valid in itself.
 */
export function checkScenario(input: unknown, catalog: RobotModelCatalog, kinds: KindRegistry): CompileOutcome {
  const schema = scenarioSchemaFor(kinds);
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    return { ok: false, issues: [...describeIssues(parsed.error, schema, input), ...layoutIssuesOf(input, kinds), ...sectionIssuesOf(input, catalog, kinds)] };
  const spec = parsed.data as unknown as SimModel['spec'] & { layout?: SimModel['spec']['layout'] };
  const issues: SpecIssue[] = [];
  if (!(spec as { layout?: unknown }).layout) {
    const sections: Readonly<Record<string, unknown>> = spec;
    const floorKind = kinds.kinds.find((k) => k.floorWithoutLayout && k.spec && sections[k.spec.key] !== undefined);
    if (!floorKind) return { ok: false, issues: [{ path: 'layout', message: 'required (only a scenario with a production line may leave out its floor)' }] };
    const floor = floorKind.floorWithoutLayout!(sections[floorKind.spec!.key]);
    spec.layout = { rows: [...floor.rows], cellM: floor.cellM };
  }
  const grid = parseLayout(spec.layout.rows, spec.layout.cellM, kinds.legend, issues);
  if (issues.length > 0) return { ok: false, issues: [...issues, ...sectionIssuesOf(input, catalog, kinds)] };
  checkBorder(grid, issues);
  const roadmap = buildRoadmap(grid);
  const cellsByChar = indexCells(spec.layout.rows, grid.cols);
  const things: Record<string, readonly unknown[]> = {};
  const extras: Record<string, unknown> = {};
  for (const kind of kinds.kinds) {
    const ctx: KindCompileContext<unknown> = {
      section: kind.spec ? (spec as Record<string, unknown>)[kind.spec.key] : undefined,
      spec,
      grid,
      roadmap,
      cellsOf: (char) => cellsByChar.get(char) ?? [],
      compiled: (id) => things[id] ?? [],
      catalog,
      loadTypes: kinds.loadTypes,
      issue: (path, message) => issues.push({ path, message }),
    };
    const out = kind.compile?.(ctx) ?? { things: [] };
    things[kind.id] = out.things;
    for (const [key, value] of Object.entries(out.model ?? {})) {
      if (key in extras) throw new Error(`kinds both add "${key}" to the model`);
      extras[key] = value;
    }
  }
  const hz = spec.physics.hz;
  const draft = {
    spec,
    id: spec.id,
    hz,
    dtSec: 1 / hz,
    controlEvery: spec.physics.controlEvery,
    horizonTicks: Math.round(spec.horizonSec * hz),
    grid,
    roadmap,
    walls: wallRuns(grid),
    kinds,
    things,
    timeline: new Map<number, TimelineEntry[]>(),
    ...extras,
  } as SimModel;
  spec.events.forEach((event, index) => {
    const owner = kinds.scripted.get(event.kind)!;
    owner.handler.check?.(event, draft, (field, message) => issues.push({ path: `events[${index}].${field}`, message }));
    const tick = Math.round(event.atSec * hz);
    const list = (draft.timeline as Map<number, TimelineEntry[]>).get(tick) ?? [];
    list.push({ tick, index, owner: owner.kind, event });
    (draft.timeline as Map<number, TimelineEntry[]>).set(tick, list);
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, model: deepFreeze(draft) };
}

/**
 * Validates an authored scenario and compiles it into a frozen {@link SimModel}.
 * @throws ScenarioSpecError listing every problem as `field.path: reason`.
 */
export function compileScenario(input: unknown, catalog: RobotModelCatalog, kinds: KindRegistry): SimModel {
  const outcome = checkScenario(input, catalog, kinds);
  if (outcome.ok) return outcome.model;
  const id = typeof input === 'object' && input && typeof (input as { id?: unknown }).id === 'string' ? (input as { id: string }).id : '(unnamed)';
  throw new ScenarioSpecError(id, outcome.issues);
}

/** Every problem of a spec (empty when it compiles): what `bench validate` prints. */
export function validateScenario(input: unknown, catalog: RobotModelCatalog, kinds: KindRegistry): SpecIssue[] {
  const outcome = checkScenario(input, catalog, kinds);
  return outcome.ok ? [] : outcome.issues;
}

/**
 * Problems kinds find in their own sections alone (`KindDef.checkSection`: unknown robot or arm
 * models …), for a spec that fails before the kinds compile: each kind whose section is itself
 * valid is checked, so a misspelt key elsewhere does not hide them.
 */
function sectionIssuesOf(input: unknown, catalog: RobotModelCatalog, kinds: KindRegistry): SpecIssue[] {
  if (input === null || typeof input !== 'object') return [];
  const issues: SpecIssue[] = [];
  const ctx = { catalog, issue: (path: string, message: string) => issues.push({ path, message }) };
  for (const kind of kinds.kinds) {
    if (!kind.spec || !kind.checkSection) continue;
    const value = (input as Record<string, unknown>)[kind.spec.key];
    if (value === undefined) continue;
    const section = kind.spec.schema.safeParse(value);
    if (section.success) kind.checkSection(section.data, ctx);
  }
  return issues;
}

/** Layout problems of a spec whose structure failed elsewhere, when its layout itself is well formed. */
function layoutIssuesOf(input: unknown, kinds: KindRegistry): SpecIssue[] {
  const layout = (input as { layout?: { rows?: unknown; cellM?: unknown } } | null)?.layout;
  const rows = layout?.rows;
  if (!Array.isArray(rows) || rows.length < 2 || !rows.every((r) => typeof r === 'string')) return [];
  // A layout over the size limits was named by the schema; it is not parsed (nothing is allocated for it).
  if (rows.length > MAX_LAYOUT_SIDE_CELLS || (rows as string[]).reduce((n, r) => n + r.length, 0) > MAX_LAYOUT_CELLS) return [];
  const issues: SpecIssue[] = [];
  const grid = parseLayout(rows as string[], 1, kinds.legend, issues);
  if (issues.length === 0) checkBorder(grid, issues);
  return issues;
}

/** Cells of each layout character, in reading order. */
function indexCells(rows: readonly string[], cols: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  rows.forEach((line, r) => {
    for (let c = 0; c < line.length; c++) {
      let list = out.get(line[c]!);
      if (!list) out.set(line[c]!, (list = []));
      list.push(r * cols + c);
    }
  });
  return out;
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
