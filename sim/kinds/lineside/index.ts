/** The lineside kind's public face: what code outside this folder may import. */
export { putUnit, standStock, takePart, standCapacity, standHasPart, standHasRoom } from './replenish-stands.ts';
export type { StandSpec, LinesideSpec } from './lineside-spec.ts';
export { linesideKind } from './lineside-kind.ts';
export { linesideKpis } from './lineside-kpis.ts';
