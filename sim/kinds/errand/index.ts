/** The errand kind's public face: what code outside this folder may import. */
export { errandKind, type ErrandObservation, type ErrandTaskView } from './errand-kind.ts';
export type { ErrandCommand } from './errand-commands.ts';
export { errandKpis } from './errand-kpis.ts';
