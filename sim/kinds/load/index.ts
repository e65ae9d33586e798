/** The load kind's public face: what code outside this folder may import. */
export { LOAD_COLUMNS, type LoadTable } from './load-columns.ts';
export { loadKind } from './load-kind.ts';
export { loadRows } from './load-columns.ts';
export type { LoadModel, LoadFields } from './load-columns.ts';
