/** The order kind's public face: what code outside this folder may import. */
export { orderKind } from './order-kind.ts';
export { orderRows, type OrderData, type OrderLine, type OrderState, type TaskState } from './order-data.ts';
export { ALL_TASKS_CHANGED, findTask, releaseLoadTask, taskChanged } from './task-lifecycle.ts';
