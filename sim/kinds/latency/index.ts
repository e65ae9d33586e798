/** The latency kind's public face: what code outside this folder may import. */
export { latencyKind } from './latency-kind.ts';
export type { LatencyTable } from './latency-columns.ts';
