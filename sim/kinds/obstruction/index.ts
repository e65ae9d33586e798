/** The obstruction kind's public face: what code outside this folder may import. */
export { obstructionKind } from './obstruction-kind.ts';
