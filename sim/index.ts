/**
 * Testfield's deterministic simulation core. Runs unchanged in Node and in a browser worker:
 * no DOM, no Node APIs, no clocks. Only `physics/rapier.ts` imports Rapier.
 */
export type { RobotModelSpec } from './schema/robot-model-spec.ts';
export { robotModelSpecSchema } from './schema/robot-model-spec.ts';
export type { ScenarioSpec, ScenarioSpecInput, ScriptedEventSpec } from './kinds/builtin-spec.ts';
export { buildScenarioSchema, cellRefSchema, type SpecSection, type ScenarioSpecCore } from './schema/scenario-spec.ts';
export { ScenarioSpecError, formatPath, type SpecIssue } from './schema/spec-error.ts';
export { applyOverrides, type ScenarioOverrides } from './host/apply-overrides.ts';
export type { RobotModelCatalog, CompileOutcome } from './compile/compile-scenario.ts';
export { compileScenario, checkScenario, validateScenario } from './host/compile-builtin.ts';
export { specAsRun } from './host/spec-as-run.ts';
export { scenarioSchemaFor, scenarioJsonSchemaFor } from './compile/scenario-schema.ts';
export { nearestName } from './compile/describe-issues.ts';
export type { SimModel, TimelineEntry } from './model/sim-model.ts';
export type { LoadKind } from './schema/robot-model-spec.ts';
export type { RobotModel, RobotFields } from './kinds/robot/index.ts';
export type { LoadModel, LoadFields } from './kinds/load/index.ts';
export type { LoadGeometry, LoadPart, LoadFixtureDesc, LoadTypeDef } from './kind/load-type.ts';
export type { StationModel } from './kinds/station/index.ts';
export { CellKind, WORLD_LEGEND, DIR_COL, DIR_ROW, type LayoutGrid, type LayoutChar } from './model/layout-grid.ts';
export { hasEdge, nodeAt, type Roadmap } from './model/roadmap.ts';
export { shortestPath, type PathOptions } from './model/shortest-path.ts';
export { createRng, createRootRng, seedRngState, type Rng, type RngState } from './rng/rng.ts';
export { distributionSchema, distributionMeanSec, sampleSec, type Distribution } from './rng/distributions.ts';
export { detLog, detExp } from './util/det-log-exp.ts';
export {
  MACHINE_STATES,
  MachineState,
  type MachineStateName,
  type MachineTable,
  type BufferTable,
  type SourceTable,
  type SinkTable,
} from './kinds/line/index.ts';
export type { LineModel, MachineModel, BufferModel, SourceModel, SinkModel, PortRef } from './kinds/line/index.ts';
export type { LinePort, LineRun } from './kinds/line/index.ts';
export type { LineUnit } from './kinds/line/index.ts';

// Kinds of things: the extension point (see README, "Architecture").
export type {
  KindDef,
  KindCompileContext,
  KindFrame,
  KindKpis,
  KindStage,
  ScriptedHandler,
  ContactBetween,
  LegendEntry,
  HoldableKind,
} from './kind/kind-def.ts';
export { createKindRegistry, WORLD_LAYERS, type KindRegistry } from './kind/kind-registry.ts';
export { BUILTIN_KINDS, builtinKinds, kindsWith } from './kinds/builtin-kinds.ts';
export { BUILTIN_KPI_KINDS, builtinKpiKinds } from './kinds/builtin-kpi-kinds.ts';
export { KindIndex } from './kind/kind-index.ts';
export { errandKind, type ErrandObservation, type ErrandTaskView } from './kinds/errand/index.ts';
export type { ErrandCommand } from './kinds/errand/index.ts';
export { chuteKind, type ChuteModel } from './kinds/chute/index.ts';
export { STAGE_SLOTS, type StageSlot, type StageContext, type StageClock } from './kind/stage-slots.ts';
export { col, createThingTable, type ColumnType, type ColumnDef, type ColumnSpec, type ThingTable } from './state/columns.ts';
export { RobotMode, ROBOT_COLUMNS, robotRows, type RobotTable } from './kinds/robot/index.ts';
export { LOAD_COLUMNS, loadRows, type LoadTable } from './kinds/load/index.ts';
export { STATION_COLUMNS, stationRows, type StationTable } from './kinds/station/index.ts';
export { TOTE_STAND_HEIGHT_M } from './kinds/tote/index.ts';
export { FRAME_MODE_FAULTED } from './kinds/robot/index.ts';
export type { BodyDesc, BodyType, BoxColliderDesc, Owner, PhysicsBuilder } from './physics/physics-builder.ts';

export type { SimState } from './state/sim-state.ts';
export type { TaskPhase } from './control/types.ts';
export { orderKind, orderRows, type OrderData, type OrderLine, type OrderState, type TaskState } from './kinds/order/index.ts';
export { createSimState } from './state/create-state.ts';
export { hashState, snapshotState, restoreState, SNAPSHOT_VERSION, type SimSnapshot } from './state/snapshot.ts';
export { stepSim } from './step/step-sim.ts';
export { watchdogTripped, FLOOR_TOLERANCE_M, OFF_FLOOR_MARGIN_M } from './step/watchdog.ts';
export { causeOf } from './events/event-cause.ts';
export type { SimEvent, SimEventType, SimEventMap, CollisionKind } from './events/sim-event.ts';
export {
  computeKpis,
  createKpiAccumulator,
  finalizeKpis,
  percentile,
  reduceKpis,
  type KpiAccumulator,
  type Kpis,
  type CollisionCounts,
} from './metrics/kpis.ts';
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
export { FLEET_KPI_META, type FleetKpiMeta } from './metrics/fleet-kpi-meta.ts';
export type {
  FleetController,
  ControllerReport,
  ControllerFactory,
  FleetObservation,
  RobotObservation,
  TaskObservation,
  LoadObservation,
  StationObservation,
  RobotCommand,
  RobotModeName,
} from './control/types.ts';
export { observe } from './control/observe.ts';
export { robotModeName } from './kinds/robot/index.ts';
export { hold, drive, follow, goto, lift, drop, dock, relocate, assign, unassign } from './control/commands.ts';
export {
  createObservationDecoder,
  createObservationEncoder,
  staticObservationOf,
  transferablesOf,
  type EncodedObservation,
  type ObservationDecoder,
  type ObservationEncoder,
  type StaticObservation,
} from './control/observation-codec.ts';
export { ThingsDeltaDecoder, ThingsDeltaEncoder, type KindDelta, type ThingsDelta } from './control/things-delta.ts';
export { createHandedRoadmap, handModelRoadmap, type HandedRoadmap } from './control/handed-roadmap.ts';
export { validateCommand } from './kinds/robot/index.ts';
export { SimHost, type LoadRequest, type AdvanceResult, type HostTiming } from './host/sim-host.ts';
export { MIN_STALL_SEC, FIRST_DELIVERY_STALL_SEC, STALL_GAP_FACTOR, type ProgressWatchdog } from './host/progress-watchdog.ts';
export type { CellController, CellControllerFactory } from './host/cell-controller.ts';
export { writePoseFrame, frameLayout, type PoseFrame, type FrameSectionLayout } from './host/pose-frame.ts';
export { initPhysics, yawQuaternion, PhysicsWorld, FLOOR_OWNER, STATIC_OWNER } from './physics/rapier.ts';
export { Hasher } from './util/hash.ts';
export { findWaitCycles } from './util/wait-cycles.ts';
export { findById } from './util/find-by-id.ts';
export {
  REPLAY_VERSION,
  REPLAY_MAGIC,
  ReplayError,
  createReplayRecorder,
  replayHeaderOf,
  keyframeIndexAt,
  encodeReplay,
  decodeReplay,
  type Replay,
  type ReplayHeader,
  type ReplayKeyframe,
  type ReplayTrailer,
  type ReplayRecorder,
} from './replay/index.ts';

import { builtinKinds } from './kinds/builtin-kinds.ts';
import type { CellKind } from './model/layout-grid.ts';
import { scenarioJsonSchemaFor, scenarioSchemaFor } from './compile/scenario-schema.ts';

/** The zod schema of a scenario with the built-in kinds. */
export const scenarioSpecSchema = scenarioSchemaFor(builtinKinds);

/** The JSON Schema of a scenario file with the built-in kinds (what `bench schema` prints). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return scenarioJsonSchemaFor(builtinKinds);
}

/**
 * Every layout character of the built-in kinds and the floor itself: the cell kind the grid
 * records (`kind`), a one-way direction for lanes, and what it means.
 */
export const LAYOUT_LEGEND: Readonly<Record<string, { kind: CellKind; dir?: number; meaning: string; owner: string }>> = Object.freeze(
  Object.fromEntries(
    Object.entries(builtinKinds.legend).map(([ch, e]) => [
      ch,
      { kind: e.cell, ...(e.dir !== undefined ? { dir: e.dir } : {}), meaning: e.meaning, owner: e.kind },
    ]),
  ),
);
export { detAcos, detAsin, detAtan, detAtan2, detCos, detSin } from './util/det-math.ts';
export { putUnit, standStock, takePart } from './kinds/lineside/index.ts';
export type { StandSpec, LinesideSpec } from './kinds/lineside/index.ts';

// Arms and grippers (pick-and-place cells): the kind, its kinematics and its commands.
export * from './kinds/arm/index.ts';
// Items and conveyors (production line).
export { itemKind, ITEM_FRAME_FIELDS } from './kinds/item/index.ts';
export { spawnItem, consumeItem, itemTypeIndex, type ItemPose } from './kinds/item/index.ts';
export { itemHoldable } from './kinds/item/index.ts';
export { ItemPhase, ITEM_COLUMNS, type ItemTable } from './kinds/item/index.ts';
export type { ItemModel, ItemTypeModel } from './kinds/item/index.ts';
export { conveyorKind, CONVEYOR_FRAME_FIELDS } from './kinds/conveyor/index.ts';
export { itemAtEnd, takeFromEnd, roomAt, putOn, conveyorIndex } from './kinds/conveyor/index.ts';
export { CONVEYOR_COLUMNS, type ConveyorModel, type ConveyorTable } from './kinds/conveyor/index.ts';
export type { ConveyorPath } from './kinds/conveyor/index.ts';
export { DEFAULT_SEED, EXAMPLE_SEED } from './schema/seeds.ts';
