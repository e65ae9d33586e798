import { generateSortationScenario } from '../generators/sortation-scenario.ts';

/**
 * `warehouse/sortation@1`: 40 robots carry parcels from 4 inducts to 60 chutes on a one-way
 * field: short trips, queues at the inducts and heavy crossing traffic.
 */
export const sortation = generateSortationScenario({
  id: 'warehouse/sortation@1',
  title: 'Parcel sortation',
  stresses: 'short induct-to-chute trips, 4 inducts feeding 60 chutes, 40 robots in one field: heavy traffic',
  chuteColumns: 12,
  chuteRows: 5,
  inducts: 4,
  oneWay: true,
  robots: 40,
  inductSec: 3,
  tipSec: 1,
});
