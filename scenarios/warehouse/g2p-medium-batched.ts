import type { ScenarioSpecInput } from '../../sim/index.ts';
import { g2pMedium } from './g2p-medium.ts';

/**
 * `warehouse/g2p-medium-batched@1`: `warehouse/g2p-medium` with the order floor rules that beat its
 * defaults (README, *pibt against reserve*): lines ride a pod already on its way to or at the
 * station (`orders.batching: 'until-picked'`), and an order goes to the station where pods holding
 * its SKUs are headed (`orders.stationChoice: 'pod-affinity'`). Same floor, fleet and order stream.
 */
export const g2pMediumBatched: ScenarioSpecInput = {
  ...g2pMedium,
  id: 'warehouse/g2p-medium-batched@1',
  title: 'Goods-to-person, medium, batched orders',
  description: 'g2p-medium with pod batching and pod-affinity station choice: 100 shelf lifters, 480 rack pods, 10 pick stations.',
  stresses: 'the order system: lines batched onto pods under way, orders sent where their pods are headed',
  orders: { ...g2pMedium.orders!, batching: 'until-picked', stationChoice: 'pod-affinity' },
};
