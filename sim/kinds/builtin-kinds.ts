import { armKind } from './arm/index.ts';
import type { KindDef } from '../kind/kind-def.ts';
import { createKindRegistry, type KindRegistry } from '../kind/kind-registry.ts';
import { linesideKind } from './lineside/index.ts';
import { conveyorKind } from './conveyor/index.ts';
import { itemKind } from './item/index.ts';
import { loadKind } from './load/index.ts';
import { bufferKind } from './line/index.ts';
import { machineKind } from './line/index.ts';
import { sinkKind } from './line/index.ts';
import { sourceKind } from './line/index.ts';
import { personKind } from './person/index.ts';
import { batteryKind } from './battery/index.ts';
import { chargerKind } from './charger/index.ts';
import { faultKind } from './fault/index.ts';
import { latencyKind } from './latency/index.ts';
import { obstructionKind } from './obstruction/index.ts';
import { robotKind } from './robot/index.ts';
import { stationKind } from './station/index.ts';
import { errandKind } from './errand/index.ts';
import { orderKind } from './order/index.ts';
import { chuteKind } from './chute/index.ts';
import { podKind } from './pod/index.ts';
import { toteKind } from './tote/index.ts';
import { palletKind } from './pallet/index.ts';

/**
 * The built-in kinds, in `KindIndex` order (robot, load, station), then line-side stands, the
 * production line's, items, conveyors, arms, errand tasks and chutes, then people, batteries,
 * chargers and faults, the warehouse's orders and tasks, and the load types (pods, totes,
 * pallets: their loads are rows of the load kind, in this order). Later kinds are found by `indexOf`.
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
  orderKind,
  podKind,
  toteKind,
  palletKind,
]);

/** The registry of the built-in kinds: what scenarios use unless a host adds kinds. */
export const builtinKinds: KindRegistry = createKindRegistry(BUILTIN_KINDS);

/** A registry of the built-in kinds followed by `extra` kinds (a new kind joins here, no core edit). */
export function kindsWith(extra: readonly KindDef[]): KindRegistry {
  return extra.length === 0 ? builtinKinds : createKindRegistry([...BUILTIN_KINDS, ...extra]);
}
