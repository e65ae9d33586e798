import type { ScenarioSpecInput } from '../../sim/index.ts';
import { generateFlowLine } from '../generators/flow-line-scenario.ts';

/**
 * `production/flow-line@1`: the registered member of the flow-line family (`generateFlowLine`):
 * five machines in series behind a saturated source, buffers of 4 units, lognormal and normal
 * processing times around 20–24 s, time-based exponential failures on M2 (MTBF 30 min, MTTR 3 min)
 * and M4 (MTBF 20 min, MTTR 2 min), 1 % scrap at M5; one simulated hour.
 */
export const flowLine: ScenarioSpecInput = {
  ...generateFlowLine({
    stations: [
      { process: { dist: 'lognormal', meanSec: 20, sdSec: 4 } },
      { process: { dist: 'lognormal', meanSec: 22, sdSec: 5 }, mtbfSec: 1800, mttrSec: 180 },
      { process: { dist: 'normal', meanSec: 24, sdSec: 3 } },
      { process: { dist: 'exponential', meanSec: 21 }, mtbfSec: 1200, mttrSec: 120 },
      { process: { dist: 'fixed', sec: 20 }, scrapProbability: 0.01 },
    ],
    bufferCapacity: 4,
    minutes: 60,
    name: 'line',
  }),
  title: 'Flow line, five machines',
};
