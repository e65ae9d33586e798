import { builtinKinds } from '../kinds/builtin-kinds.ts';
import type { ScenarioSpecInput } from '../kinds/builtin-spec.ts';
import { CellKind } from '../model/layout-grid.ts';

/** Host-side changes to a scenario: fleet size and horizon. */
export interface ScenarioOverrides {
  /** Total robots (all of the first fleet entry's model). */
  robots?: number;
  /** Simulated horizon in minutes. */
  minutes?: number;
  /** Warm-up of a production line in minutes (its `line.warmupSec`): line KPIs leave it out. */
  warmupMin?: number;
}

/**
 * Applies overrides to an authored spec, returning a new spec. With more robots than spawn
 * points (`S`), extra robots spawn on plain floor cells in reading order.
 */
export function applyOverrides(spec: ScenarioSpecInput, overrides: ScenarioOverrides): ScenarioSpecInput {
  const out: ScenarioSpecInput = structuredClone(spec);
  if (overrides.minutes !== undefined) out.horizonSec = overrides.minutes * 60;
  const line = (out as { line?: { warmupSec?: number } }).line;
  if (overrides.warmupMin !== undefined && line) line.warmupSec = overrides.warmupMin * 60;
  const first = out.fleet?.[0];
  if (overrides.robots !== undefined && first) {
    const count = overrides.robots;
    out.fleet = [{ model: first.model, count }];
    const spawns: Array<{ row: number; col: number }> = [];
    const floor: Array<{ row: number; col: number }> = [];
    out.layout.rows.forEach((line, row) => {
      [...line].forEach((ch, col) => {
        const kind = builtinKinds.legend[ch]?.cell;
        if (kind === CellKind.Spawn) spawns.push({ row, col });
        else if (kind === CellKind.Floor) floor.push({ row, col });
      });
    });
    if (count > spawns.length) out.fleet[0] = { model: first.model, count, spawnCells: [...spawns, ...floor].slice(0, count) };
  }
  return out;
}
