/** The pallet kind's public face: pallets, a load type (what code outside this folder may import). */
export { palletKind } from './pallet-kind.ts';
