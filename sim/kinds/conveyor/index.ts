/** The conveyor kind's public face: what code outside this folder may import. */
export { conveyorKind, CONVEYOR_FRAME_FIELDS } from './conveyor-kind.ts';
export { itemAtEnd, takeFromEnd, roomAt, putOn, conveyorIndex, conveyorPoint } from './conveyor-ports.ts';
export { CONVEYOR_COLUMNS, type ConveyorModel, type ConveyorTable } from './conveyor-model.ts';
export type { ConveyorPath } from './conveyor-path.ts';
export { conveyorKpis } from './conveyor-kpis.ts';
