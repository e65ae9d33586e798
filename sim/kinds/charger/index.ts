/** The charger kind's public face: what code outside this folder may import. */
export { chargerKind } from './charger-kind.ts';
