/**
 * Testfield's deterministic simulation core. Runs unchanged in Node and in a browser worker:
 * no DOM, no Node APIs, no clocks. Only `physics/rapier.ts` imports Rapier.
 */
export type { RobotModelSpec } from './spec/robot-model-spec.ts';
export { robotModelSpecSchema } from './spec/robot-model-spec.ts';
export type { ScenarioSpec, ScenarioSpecInput, CellRef } from './spec/scenario-spec.ts';
export { scenarioSpecSchema } from './spec/scenario-spec.ts';
export { ScenarioSpecError, type SpecIssue } from './spec/spec-error.ts';
export { applyOverrides, type ScenarioOverrides } from './compile/apply-overrides.ts';
export { compileScenario, LOAD_GEOMETRY, type RobotModelCatalog } from './compile/compile-scenario.ts';
export type { SimModel, RobotModel, LoadModel, StationModel, LoadKind, LoadGeometry } from './model/sim-model.ts';
export { CellKind, LAYOUT_LEGEND, DIR_COL, DIR_ROW, type LayoutGrid } from './model/layout-grid.ts';
export { hasEdge, nodeAt, type Roadmap } from './model/roadmap.ts';
export { shortestPath, type PathOptions } from './model/shortest-path.ts';
export { createRng, createRootRng, seedRngState, type Rng, type RngState } from './rng/rng.ts';
export { RobotMode, type SimState, type TaskPhase, type TaskState, type OrderState } from './state/sim-state.ts';
export { createSimState } from './state/create-state.ts';
export { hashState, snapshotState, restoreState, SNAPSHOT_VERSION, type SimSnapshot } from './state/snapshot.ts';
export { stepSim } from './step/step-sim.ts';
export type { SimEvent, SimEventType, CollisionKind } from './events/sim-event.ts';
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
export { observe, robotModeName } from './control/observe.ts';
export { validateCommand } from './kinds/robot/validate-command.ts';
export { SimHost, type LoadRequest, type AdvanceResult, type HostTiming } from './host/sim-host.ts';
export { writePoseFrame, ROBOT_STRIDE, LOAD_STRIDE, type PoseFrame } from './host/pose-frame.ts';
export { initPhysics, yawQuaternion, PhysicsWorld } from './physics/rapier.ts';
export { Hasher } from './util/hash.ts';
export { findWaitCycles } from './util/wait-cycles.ts';
export { findById } from './util/find-by-id.ts';
export {
  REPLAY_VERSION,
  REPLAY_MAGIC,
  ReplayError,
  createReplayRecorder,
  keyframeIndexAt,
  encodeReplay,
  decodeReplay,
  type Replay,
  type ReplayHeader,
  type ReplayKeyframe,
  type ReplayTrailer,
  type ReplayRecorder,
} from './replay/index.ts';
