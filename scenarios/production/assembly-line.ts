import type { ScenarioSpecInput } from '../../sim/index.ts';
import { EXAMPLE_SEED } from '../../sim/index.ts';

/**
 * The floor: twelve tote racks along the north wall (six SKUs, two totes each: SKU 0 holds the
 * line's parts, SKU 1 the totes finished units leave in), spawn points, and three pick stations on
 * row 4: a customer pick station (column 3, station 0), the line's inbound stand (column 10,
 * station 1) and its outbound stand (column 21, station 2). Row 5 is the line's fence; the two
 * stands are pass-through racks in it (totes are unloaded from the aisle, parts are picked on the
 * line side, as with a flow rack). The line lies south of the fence, rows 6–9.
 */
const LAYOUT = [
  '############################',
  '#.T.T.T.T.T.T.T.T.T.T.T.T..#',
  '#..........................#',
  '#S.S.S.S...................#',
  '#..P......P..........P.....#',
  '############################',
  '#..........................#',
  '#..........................#',
  '#..........................#',
  '#..........................#',
  '############################',
];

const BELT_Y_M = 0.75;
const LINE_Z_M = 7.2;

/**
 * `production/assembly-line@1`: parts arrive in storage as totes; tote AMRs — which also serve a
 * customer pick station, so they are not always free — bring them to the line-side stand when its
 * two-bin kanban calls. On the line side, a UR5e picks each part off the stand's table onto
 * conveyor C1, which carries it to M1 (machining); M2 assembles (the bottleneck, which also fails
 * now and then), M3 tests (2 % scrap) and puts finished units on conveyor C2, at whose end a second
 * UR5e palletises them onto the outbound stand's table, from where AMRs take them away in totes.
 * Scripted: M2 breaks down for 10 minutes at minute 20, a rush order of 12 kitted units arrives at
 * minute 40. One simulated hour.
 */
export const assemblyLine: ScenarioSpecInput = {
  id: 'production/assembly-line@1',
  title: 'Assembly line fed by AMRs',
  description:
    'Tote AMRs keep a three-machine assembly line in parts by kanban; arms pick parts onto a conveyor and palletise finished units; M2 breaks down, a rush order arrives.',
  stresses:
    'line-side logistics against a production line: AMRs shared with customer picking, arms and conveyors between stands and machines, starvation when AMRs are late, blocking when finished goods pile up, a breakdown and a rush order',
  layout: { rows: LAYOUT, cellM: 1 },
  fleet: [{ model: 'tote-carrier', count: 3 }],
  orders: { ratePerHour: 90, skuCount: 6, skusPerLoad: 1, linesPerOrder: { min: 1, max: 2 }, pickSecPerLine: 15 },
  items: {
    types: [
      { id: 'part', sizeM: { x: 0.1, y: 0.08, z: 0.1 }, massKg: 0.5, pool: 24 },
      { id: 'unit', sizeM: { x: 0.12, y: 0.1, z: 0.12 }, massKg: 1, pool: 24 },
    ],
  },
  lineside: {
    stands: [
      {
        id: 'parts',
        direction: 'in',
        station: 1,
        sku: 0,
        partsPerTote: 6,
        reorderPoint: 6,
        initialStock: 12,
        maxOnOrder: 2,
        table: { xM: 10.5, yM: BELT_Y_M, zM: 6.4, sizeXM: 0.4, sizeZM: 0.4, itemType: 'part' },
      },
      {
        id: 'finished',
        direction: 'out',
        station: 2,
        sku: 1,
        partsPerTote: 6,
        capacity: 12,
        table: { xM: 21.5, yM: BELT_Y_M, zM: 6.4, sizeXM: 0.5, sizeZM: 0.5 },
      },
    ],
  },
  conveyors: [
    {
      id: 'C1',
      path: { from: { x: 11.1, z: LINE_Z_M }, to: { x: 13.8, z: LINE_Z_M } },
      widthM: 0.3,
      heightM: BELT_Y_M,
      speedMps: 0.3,
      accumulating: true,
      photoEyes: [2.5],
    },
    { id: 'C2', path: { from: { x: 18.2, z: LINE_Z_M }, to: { x: 20.8, z: LINE_Z_M } }, widthM: 0.3, heightM: BELT_Y_M, speedMps: 0.3, accumulating: true },
  ],
  arms: [
    {
      name: 'feeder',
      model: 'ur5e',
      base: { xM: 10.5, yM: 0.6, zM: LINE_Z_M, yawDeg: 180 },
      tool: 'suction',
      placeSlots: [{ xM: 11.2, yM: BELT_Y_M, zM: LINE_Z_M }],
    },
    {
      name: 'palletiser',
      model: 'ur5e',
      base: { xM: 21.5, yM: 0.6, zM: LINE_Z_M, yawDeg: 0 },
      tool: 'suction',
      placeSlots: [
        { xM: 21.38, yM: BELT_Y_M, zM: 6.28 },
        { xM: 21.62, yM: BELT_Y_M, zM: 6.28 },
        { xM: 21.38, yM: BELT_Y_M, zM: 6.52 },
        { xM: 21.62, yM: BELT_Y_M, zM: 6.52 },
      ],
    },
  ],
  line: {
    sources: [{ name: 'PARTS', product: 'housing', conveyor: 'C1', position: { xM: 13.8, zM: 7.8 } }],
    machines: [
      { name: 'M1', from: 'PARTS', to: 'B1', process: { dist: 'lognormal', meanSec: 18, sdSec: 4 }, position: { xM: 14.5, zM: LINE_Z_M } },
      {
        name: 'M2',
        from: 'B1',
        to: 'B2',
        process: { dist: 'normal', meanSec: 22, sdSec: 3 },
        failure: { basis: 'operations', timeToFailure: { dist: 'exponential', meanSec: 1500 }, repair: { dist: 'exponential', meanSec: 150 } },
        position: { xM: 16.0, zM: LINE_Z_M },
      },
      { name: 'M3', from: 'B2', to: 'OUT', process: { dist: 'fixed', sec: 19 }, scrapProbability: 0.02, position: { xM: 17.5, zM: LINE_Z_M } },
    ],
    buffers: [
      { name: 'B1', capacity: 4, position: { xM: 15.25, zM: 8.2 } },
      { name: 'B2', capacity: 4, position: { xM: 16.75, zM: 8.2 } },
    ],
    sinks: [{ name: 'OUT', conveyor: 'C2', itemType: 'unit', position: { xM: 18.2, zM: 7.8 } }],
  },
  events: [
    { atSec: 1200, kind: 'machine.down', machine: 'M2', durationSec: 600 },
    { atSec: 2400, kind: 'source.burst', source: 'PARTS', units: 12 },
  ],
  physics: { hz: 30, controlEvery: 3 },
  horizonSec: 3600,
  seed: EXAMPLE_SEED,
} as ScenarioSpecInput;
