import { CellKind, LAYOUT_LEGEND, LOAD_GEOMETRY, type ScenarioSpecInput, type SimModel } from '../../sim/index.ts';
import type { RobotShape, SceneInfo } from '../shared/protocol.ts';

/** The static field of a compiled scenario. */
export function sceneFromModel(model: SimModel, seed: number): SceneInfo {
  const shapes: RobotShape[] = [];
  const shapeIndex = new Map<string, number>();
  const robotShape = new Uint8Array(model.robots.length);
  model.robots.forEach((r, i) => {
    let s = shapeIndex.get(r.model.id);
    if (s === undefined) {
      s = shapes.length;
      shapeIndex.set(r.model.id, s);
      const f = r.model.footprint;
      shapes.push({ modelId: r.model.id, lengthM: f.lengthM, widthM: f.widthM, heightM: f.heightM, handles: r.model.handles });
    }
    robotShape[i] = s;
  });
  const pod = model.loadGeometry.pod;
  const tote = model.loadGeometry.tote;
  return {
    scenarioId: model.id,
    title: model.spec.title,
    cols: model.grid.cols,
    rows: model.grid.rows,
    cellM: model.grid.cellM,
    kinds: model.grid.kinds.slice(),
    robotShape,
    shapes,
    loadKind: Uint8Array.from(model.loads, (l) => (l.kind === 'pod' ? 0 : 1)),
    pod: { widthM: pod.widthM, heightM: pod.heightM, clearanceM: pod.clearanceM },
    tote: { widthM: tote.widthM, heightM: tote.heightM },
    hz: model.hz,
    horizonTicks: model.horizonTicks,
    seed,
  };
}

/**
 * A best-effort field for a spec that failed validation: the layout rows as far as they parse
 * (unknown characters become floor), no robots. Null when there is no usable layout.
 */
export function sceneFromRawSpec(spec: unknown): SceneInfo | null {
  const s = spec as Partial<ScenarioSpecInput> | null;
  const rows = s?.layout?.rows;
  if (!Array.isArray(rows) || rows.length === 0 || !rows.every((r) => typeof r === 'string')) return null;
  const cols = Math.max(...rows.map((r) => r.length));
  if (cols === 0 || cols * rows.length > 4_000_000) return null;
  const cellM = typeof s?.layout?.cellM === 'number' && s.layout.cellM > 0 ? s.layout.cellM : 1;
  const kinds = new Uint8Array(cols * rows.length).fill(CellKind.Floor);
  rows.forEach((line, r) => {
    for (let c = 0; c < line.length; c++) kinds[r * cols + c] = LAYOUT_LEGEND[line[c]!]?.kind ?? CellKind.Floor;
  });
  return {
    scenarioId: typeof s?.id === 'string' ? s.id : '(unnamed)',
    title: typeof s?.title === 'string' ? s.title : '',
    cols,
    rows: rows.length,
    cellM,
    kinds,
    robotShape: new Uint8Array(0),
    shapes: [],
    loadKind: new Uint8Array(0),
    pod: LOAD_GEOMETRY.pod,
    tote: LOAD_GEOMETRY.tote,
    hz: 30,
    horizonTicks: 0,
    seed: 0,
  };
}
