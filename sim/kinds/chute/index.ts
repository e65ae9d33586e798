/** The chute kind's public face: what code outside this folder may import. */
export { chuteKind, type ChuteModel } from './chute-kind.ts';
