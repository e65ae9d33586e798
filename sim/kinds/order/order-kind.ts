import type { KindDef } from '../../kind/kind-def.ts';
import { createRootRng } from '../../rng/rng.ts';
import type { OrderData } from './order-data.ts';

/**
 * The warehouse's work: orders released to stations and the tasks that present loads for them.
 * It has no things (no table); its data (`orderRows.data(state)`) is created empty at tick 0 with
 * the `orders` random stream. Stations release orders and make tasks, robots carry them out.
 */
export const orderKind: KindDef<undefined, never> = {
  id: 'order',
  columns: {},
  createData: (_model, seed): OrderData => ({ orders: [], nextOrderId: 0, tasks: [], nextTaskId: 0, rngOrders: createRootRng(seed).fork('orders').save() }),
};
