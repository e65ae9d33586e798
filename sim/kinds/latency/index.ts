/** The latency kind's public face: what code outside this folder may import. */
export { type LatencyTable, latencyKind } from './latency-kind.ts';
