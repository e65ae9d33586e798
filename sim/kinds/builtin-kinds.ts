import { armKind } from './arm/arm-kind.ts';
import type { KindDef } from './kind-def.ts';
import { createKindRegistry, type KindRegistry } from './kind-registry.ts';
import { linesideKind } from './lineside/lineside-kind.ts';
import { conveyorKind } from './conveyor/conveyor-kind.ts';
import { itemKind } from './item/item-kind.ts';
import { loadKind } from './load/load-kind.ts';
import { bufferKind } from './line/buffer-kind.ts';
import { machineKind } from './line/machine-kind.ts';
import { sinkKind } from './line/sink-kind.ts';
import { sourceKind } from './line/source-kind.ts';
import { personKind } from './person/person-kind.ts';
import { batteryKind } from './robot/battery-kind.ts';
import { chargerKind } from './charger/charger-kind.ts';
import { faultKind } from './fault/fault-kind.ts';
import { latencyKind } from './fault/latency-kind.ts';
import { obstructionKind } from './fault/obstruction-kind.ts';
import { robotKind } from './robot/robot-kind.ts';
import { stationKind } from './station/station-kind.ts';
import { errandKind } from './errand/errand-kind.ts';
import { chuteKind } from './chute/chute-kind.ts';

/**
 * The built-in kinds, in `KindIndex` order (robot, load, station), then line-side stands, the
 * production line's, items, conveyors, arms, errand tasks and chutes, then people, batteries,
 * chargers and faults (later kinds are found by `indexOf`).
 */
export const BUILTIN_KINDS: readonly KindDef[] = Object.freeze([
  robotKind,
  loadKind,
  stationKind,
  linesideKind,
  sourceKind,
  machineKind,
  bufferKind,
  sinkKind,
  itemKind,
  conveyorKind,
  armKind,
  errandKind,
  chuteKind,
  personKind,
  batteryKind,
  chargerKind,
  faultKind,
  latencyKind,
  obstructionKind,
]);

/** The registry of the built-in kinds: what scenarios use unless a host adds kinds. */
export const builtinKinds: KindRegistry = createKindRegistry(BUILTIN_KINDS);

/** A registry of the built-in kinds followed by `extra` kinds (a new kind joins here, no core edit). */
export function kindsWith(extra: readonly KindDef[]): KindRegistry {
  return extra.length === 0 ? builtinKinds : createKindRegistry([...BUILTIN_KINDS, ...extra]);
}
