import { generateWarehouseScenario } from '../generators/warehouse-scenario.ts';

/**
 * `warehouse/tote-to-person@1`: 24 tote AMRs bring totes from 2-deep tote stands (entered
 * north–south only) to 4 pick stations, each with a 3-cell queue lane; one-way aisles, 8 chargers.
 */
export const toteToPerson = generateWarehouseScenario({
  id: 'warehouse/tote-to-person@1',
  title: 'Tote-to-person',
  stresses: 'tote AMRs on one-way aisles, tote stands entered north-south only, queues at 4 pick stations',
  floor: {
    storage: 'T',
    blockColumns: 5,
    blockWidth: 6,
    rackDepth: 2,
    bands: 3,
    cellM: 1,
    aisleWidthM: 1,
    crossAisleWidthM: 1,
    oneWay: true,
    stations: 4,
    queueCells: 3,
    chargers: 8,
  },
  robotModel: 'tote-carrier',
  robots: 24,
  ordersPerHour: 480,
  pickSecPerLine: 5,
  backlog: 12,
});
