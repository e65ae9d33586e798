/** The tote kind's public face: totes on stands, a load type (what code outside this folder may import). */
export { toteKind } from './tote-kind.ts';
export { TOTE_STAND_HEIGHT_M } from './tote-type.ts';
