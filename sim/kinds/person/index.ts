/** The person kind's public face: what code outside this folder may import. */
export { personKind } from './person-kind.ts';
export { personKpis } from './person-kpis.ts';
