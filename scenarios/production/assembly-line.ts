import type { ScenarioSpecInput } from '../../sim/index.ts';

/**
 * The floor: twelve tote racks along the north wall (six SKUs, two totes each: SKU 0 holds the
 * line's parts, SKU 1 the totes finished units leave in), spawn points, and three pick stations on
 * row 4: a customer pick station (column 3, station 0), the line's inbound stand (column 10,
 * station 1) and its outbound stand (column 21, station 2). The line is drawn south of them.
 */
const LAYOUT = [
  '############################',
  '#.T.T.T.T.T.T.T.T.T.T.T.T..#',
  '#..........................#',
  '#S.S.S.S...................#',
  '#..P......P..........P.....#',
  '#..........................#',
  '#..........................#',
  '#..........................#',
  '#..........................#',
  '#..........................#',
  '############################',
];

/**
 * `production/assembly-line@1`: parts arrive in storage as totes; tote AMRs — which also serve a
 * customer pick station, so they are not always free — bring them to the line-side stand when its
 * two-bin kanban calls; the line machines them (M1), assembles (M2, the
 * bottleneck, which also fails now and then), tests (M3, 2 % scrap) and puts finished units on the
 * outbound stand, from where AMRs take them away in totes. Scripted: M2 breaks down for 10 minutes
 * at minute 20, and a rush order of 12 kitted units arrives at minute 40. One simulated hour.
 */
export const assemblyLine: ScenarioSpecInput = {
  id: 'production/assembly-line@1',
  title: 'Assembly line fed by AMRs',
  description: 'Tote AMRs keep a three-machine assembly line in parts by kanban and take finished units away; M2 breaks down, a rush order arrives.',
  stresses: 'line-side logistics against a production line: AMRs shared with customer picking, starvation when they are late, blocking when finished goods pile up, a breakdown and a rush order',
  layout: { rows: LAYOUT, cellM: 1 },
  fleet: [{ model: 'tote-carrier', count: 3 }],
  orders: { ratePerHour: 90, skuCount: 6, skusPerLoad: 1, linesPerOrder: { min: 1, max: 2 }, pickSecPerLine: 15 },
  lineside: {
    stands: [
      { id: 'parts', direction: 'in', station: 1, sku: 0, partsPerTote: 6, reorderPoint: 6, initialStock: 12, maxOnOrder: 2 },
      { id: 'finished', direction: 'out', station: 2, sku: 1, partsPerTote: 6, capacity: 12 },
    ],
  },
  line: {
    sources: [{ name: 'PARTS', product: 'housing', stand: 'parts', position: { xM: 8.5, zM: 6.5 } }],
    machines: [
      { name: 'M1', from: 'PARTS', to: 'B1', process: { dist: 'lognormal', meanSec: 18, sdSec: 4 }, position: { xM: 10.5, zM: 7.5 } },
      {
        name: 'M2',
        from: 'B1',
        to: 'B2',
        process: { dist: 'normal', meanSec: 22, sdSec: 3 },
        failure: { basis: 'operations', timeToFailure: { dist: 'exponential', meanSec: 1500 }, repair: { dist: 'exponential', meanSec: 150 } },
        position: { xM: 14.5, zM: 7.5 },
      },
      { name: 'M3', from: 'B2', to: 'SHIP', process: { dist: 'fixed', sec: 19 }, scrapProbability: 0.02, position: { xM: 18.5, zM: 7.5 } },
    ],
    buffers: [
      { name: 'B1', capacity: 4, position: { xM: 12.5, zM: 7.5 } },
      { name: 'B2', capacity: 4, position: { xM: 16.5, zM: 7.5 } },
    ],
    sinks: [{ name: 'SHIP', stand: 'finished', position: { xM: 19.5, zM: 6.5 } }],
  },
  events: [
    { atSec: 1200, kind: 'machine.down', machine: 'M2', durationSec: 600 },
    { atSec: 2400, kind: 'source.burst', source: 'PARTS', units: 12 },
  ],
  physics: { hz: 30, controlEvery: 3 },
  horizonSec: 3600,
  seed: 7,
} as ScenarioSpecInput;
