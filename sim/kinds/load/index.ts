/** The load kind's public face: what code outside this folder may import. */
export { LOAD_COLUMNS, type LoadTable } from './load-columns.ts';
export { LOAD_GEOMETRY, TOTE_STAND_HEIGHT_M } from './load-compile.ts';
export { loadKind } from './load-kind.ts';
export { loadRows } from './load-columns.ts';
export type { LoadModel, LoadGeometry, LoadFields } from './load-columns.ts';
