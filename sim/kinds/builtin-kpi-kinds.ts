import { armKpis } from './arm/arm-kpis.ts';
import { chuteKind } from './chute/chute-kind.ts';
import { conveyorKpis } from './conveyor/conveyor-kpis.ts';
import { errandKpis } from './errand/errand-kpis.ts';
import { faultKpis } from './fault/fault-kpis.ts';
import { itemKpis } from './item/item-kpis.ts';
import type { KindDef, KindKpis } from '../kind/kind-def.ts';
import { createKindRegistry, type KindRegistry } from '../kind/kind-registry.ts';
import { flowKpis, machineKpis } from './line/line-kpis.ts';
import { linesideKpis } from './lineside/lineside-kpis.ts';
import { personKpis } from './person/person-kpis.ts';
import { batteryKpis } from './battery/battery-kpis.ts';

/** A kind reduced to its id and KPI reducers: nothing to compile, build or step. */
function kpiOnly(id: string, kpis: KindKpis<any>): KindDef {
  return { id, columns: {}, kpis };
}

/**
 * The built-in kinds that declare KPIs, in `BUILTIN_KINDS` order, carrying only their id and
 * their `kpis` reducers (the same objects). For folding KPIs where the simulation does not run
 * (the page's main thread): unlike `builtinKinds`, importing this pulls in no physics, no spec
 * schemas and no stages. `tests/web/page-api.test.ts` checks it matches `builtinKinds`.
 */
export const BUILTIN_KPI_KINDS: readonly KindDef[] = Object.freeze([
  kpiOnly('lineside', linesideKpis),
  kpiOnly('machine', machineKpis),
  kpiOnly('sink', flowKpis),
  kpiOnly('item', itemKpis),
  kpiOnly('conveyor', conveyorKpis),
  kpiOnly('arm', armKpis),
  kpiOnly('errand', errandKpis),
  kpiOnly('chute', chuteKind.kpis!),
  kpiOnly('person', personKpis),
  kpiOnly('battery', batteryKpis),
  kpiOnly('fault', faultKpis),
]);

/** A registry of {@link BUILTIN_KPI_KINDS}: pass it to `createKpiAccumulator` as the kinds. */
export const builtinKpiKinds: KindRegistry = createKindRegistry(BUILTIN_KPI_KINDS);
