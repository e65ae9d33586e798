import { CellKind, frameLayout, LAYOUT_LEGEND, thingCountsOf, type LoadTypeDef, type ScenarioSpecInput, type SimModel } from '../../sim/index.ts';
import { loadRows } from '../../sim/index.ts';
import { robotRows } from '../../sim/index.ts';
import type { KindInfo, LoadTypeLook, RobotShape, SceneInfo } from '../shared/protocol.ts';

/** The static field of a compiled scenario, with its frame layout. */
export function sceneFromModel(model: SimModel, seed: number): SceneInfo {
  return {
    scenarioId: model.id,
    title: model.spec.title,
    cols: model.grid.cols,
    rows: model.grid.rows,
    cellM: model.grid.cellM,
    cells: model.grid.kinds.slice(),
    sections: frameLayout(model).map((s) => ({ kind: s.kind, count: s.count, stride: s.stride, fields: [...s.fields] })),
    kindInfo: kindInfoOf(model),
    thingCounts: thingCountsOf(model),
    hz: model.hz,
    horizonTicks: model.horizonTicks,
    seed,
  };
}

/** What the robot and load renderers need beyond the frame: robot shapes, and each load's type and its look. */
function kindInfoOf(model: SimModel): KindInfo {
  const shapes: RobotShape[] = [];
  const shapeIndex = new Map<string, number>();
  const shapeOf = new Uint8Array(robotRows.things(model).length);
  robotRows.things(model).forEach((r, i) => {
    let s = shapeIndex.get(r.model.id);
    if (s === undefined) {
      s = shapes.length;
      shapeIndex.set(r.model.id, s);
      const f = r.model.footprint;
      shapes.push({ modelId: r.model.id, lengthM: f.lengthM, widthM: f.widthM, heightM: f.heightM, handles: r.model.handles });
    }
    shapeOf[i] = s;
  });
  const types = Object.values(loadRows.fields(model).loadTypes);
  const typeIndex = new Map(types.map((type, t) => [type.id, t]));
  return {
    robot: { shapeOf, shapes },
    load: { typeOf: Uint8Array.from(loadRows.things(model), (l) => typeIndex.get(l.kind)!), types: loadTypeLooks(types) },
  };
}

/** How the page draws each load type: its boxes (from its geometry), colour and label, as plain data. */
export function loadTypeLooks(types: readonly LoadTypeDef[]): LoadTypeLook[] {
  return types.map((type) => ({
    id: type.id,
    label: type.look.label,
    colorHex: type.look.colorHex,
    seeThrough: type.look.seeThrough === true,
    parts: type.look.parts(type.geometry).map((part) => ({ ...part })),
  }));
}

/**
 * A best-effort field for a spec that failed validation: the layout rows as far as they parse
 * (unknown characters become floor), nothing that moves. Null when there is no usable layout.
 */
export function sceneFromRawSpec(spec: unknown): SceneInfo | null {
  const s = spec as Partial<ScenarioSpecInput> | null;
  const rows = s?.layout?.rows;
  if (!Array.isArray(rows) || rows.length === 0 || rows.length > 100_000 || !rows.every((r) => typeof r === 'string')) return null;
  const cols = Math.max(...rows.map((r) => r.length));
  if (cols === 0 || cols * rows.length > 4_000_000) return null;
  const cellM = typeof s?.layout?.cellM === 'number' && s.layout.cellM > 0 ? s.layout.cellM : 1;
  const cells = new Uint8Array(cols * rows.length).fill(CellKind.Floor);
  rows.forEach((line, r) => {
    for (let c = 0; c < line.length; c++) cells[r * cols + c] = LAYOUT_LEGEND[line[c]!]?.kind ?? CellKind.Floor;
  });
  return {
    scenarioId: typeof s?.id === 'string' ? s.id : '(unnamed)',
    title: typeof s?.title === 'string' ? s.title : '',
    cols,
    rows: rows.length,
    cellM,
    cells,
    sections: [],
    kindInfo: {},
    thingCounts: {},
    hz: 30,
    horizonTicks: 0,
    seed: 0,
  };
}
