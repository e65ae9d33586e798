import type { ScenarioSpecInput, SimEvent } from '../../../sim/index.ts';
import { makeSpec } from '../../helpers/make-host.ts';

/** One robot, one rack pod holding both SKUs, one pick station six cells away. */
export const ONE_POD_LAYOUT = ['############', '#S.........#', '#..........#', '#..R.....P.#', '############'];

type Batching = 'until-lift' | 'until-picked';

/** The one-pod floor with an order stream of `ratePerHour` single-line orders (5 s a line). */
export function onePodSpec(batching: Batching, ratePerHour: number, backlog = 1): ScenarioSpecInput {
  return makeSpec(ONE_POD_LAYOUT, {
    orders: { ratePerHour, skuCount: 2, skusPerLoad: 2, linesPerOrder: { min: 1, max: 1 }, pickSecPerLine: 5, backlog, batching },
    horizonSec: 120,
  });
}

/** Events of one type, narrowed. */
export function eventsOf<T extends SimEvent['type']>(events: readonly SimEvent[], type: T): Array<Extract<SimEvent, { type: T }>> {
  return events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);
}
