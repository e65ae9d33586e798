/** The fault kind's public face: what code outside this folder may import. */
export { activeUncertainty } from './fault-stages.ts';
export { faultKind } from './fault-kind.ts';
export { faultKpis } from './fault-kpis.ts';
export { itemDropSchema, nodeBlockSchema, type ItemDropEvent, type NodeBlockEvent } from './fault-events.ts';
export { logFaultBegan } from './fault-handlers.ts';
