/** The pod kind's public face: rack pods, a load type (what code outside this folder may import). */
export { podKind } from './pod-kind.ts';
