/**
 * The simulation core as the browser page's main thread sees it: only the physics-free pieces
 * (types, constants, event causes, the KPI fold and replay decoding). Importing it pulls in
 * neither Rapier nor the spec schemas, so the main bundle stays small; the simulation itself
 * runs in the page's worker, which imports `sim/index.ts`. Everything here is also exported by
 * `sim/index.ts`, under the same name (`tests/web/page-api.test.ts` checks it).
 */
export type { ScenarioSpecInput } from './kinds/builtin-spec.ts';
export type { SpecIssue } from './schema/spec-error.ts';
export type { ScenarioOverrides } from './host/apply-overrides.ts';
export type { KindRegistry } from './kind/kind-registry.ts';
export type { SimEvent } from './events/sim-event.ts';
export type { FrameSectionLayout } from './host/pose-frame.ts';
export type { Replay } from './replay/replay-format.ts';
export type { LoadPart } from './kind/load-type.ts';

export { CellKind } from './model/layout-grid.ts';
export { FRAME_MODE_FAULTED } from './kinds/robot/robot-frame.ts';
export { MACHINE_STATES } from './kinds/line/line-columns.ts';
export { ARM_FRAME_BOXES } from './kinds/arm/arm-frame.ts';
export { causeOf } from './events/event-cause.ts';
export { createKpiAccumulator, finalizeKpis, reduceKpis, type KpiAccumulator, type Kpis } from './metrics/kpis.ts';
export { builtinKpiKinds } from './kinds/builtin-kpi-kinds.ts';
export { formatKpiValue, kpi, type KpiFigureMeta, type KindKpiMeta, type KpiBetter, type KpiFormat } from './kind/kpi-meta.ts';
export {
  figureMetaOf,
  headlineKpisOf,
  headlineOf,
  kpiCatalogue,
  kpiReadings,
  thingCountsOf,
  type KpiDescriptor,
  type KpiReading,
  type ThingCounts,
} from './metrics/kpi-catalogue.ts';
export { kpiRows, type KpiRow } from './metrics/kpi-rows.ts';
export { ReplayError } from './replay/replay-format.ts';
export { keyframeIndexAt } from './replay/replay-recorder.ts';
export { decodeReplay } from './replay/replay-codec.ts';
export { DEFAULT_SEED, EXAMPLE_SEED } from './schema/seeds.ts';
