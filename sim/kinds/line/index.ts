/** The line kind's public face: what code outside this folder may import. */
export type { LineSpec } from './line-spec.ts';
export { MACHINE_STATES, MachineState, type MachineStateName, type MachineTable, type BufferTable, type SourceTable, type SinkTable } from './line-columns.ts';
export type { LineModel, MachineModel, BufferModel, SourceModel, SinkModel, PortRef } from './line-model.ts';
export type { LinePort, LineRun } from './line-port.ts';
export type { LineUnit } from './line-units.ts';
export { bufferKind } from './buffer/buffer-kind.ts';
export { machineKind } from './machine/machine-kind.ts';
export { sinkKind } from './sink/sink-kind.ts';
export { sourceKind } from './source/source-kind.ts';
export { flowKpis, machineKpis } from './line-kpis.ts';
