import { ordersSpecOf } from './orders-spec.ts';
import { orderRows } from '../order/index.ts';
import { loadRows } from '../load/index.ts';
import type { SimModel } from '../../model/sim-model.ts';
import { stationRows } from './station-columns.ts';
import type { SimState } from '../../state/sim-state.ts';
import { joinKey, type JoinableTaskIndex } from './joinable-tasks.ts';

/**
 * The station a released order of `skus` goes to, by the `orders.stationChoice` rule. Line-side
 * stations (which order their own totes) are never chosen. Draws no random numbers.
 */
export function chooseStation(model: SimModel, state: SimState, joinable: JoinableTaskIndex, skus: readonly number[]): number {
  const eligible = eligibleStations(model, state);
  if (ordersSpecOf(model).stationChoice === 'pod-affinity') return podAffinityStation(model, state, joinable, skus, eligible);
  return fewestOpenOrders(state, eligible);
}

/** Stations that take orders from the stream: all but those serving line-side stands. */
function eligibleStations(model: SimModel, state: SimState): number[] {
  const serveLine = (model as { linesideStations?: readonly number[] }).linesideStations;
  const out: number[] = [];
  for (let s = 0; s < stationRows.table(state).count; s++) if (serveLine === undefined || !serveLine.includes(s)) out.push(s);
  return out;
}

/** `fewest-open-orders`: the eligible station with the fewest open orders, lowest id on ties. */
function fewestOpenOrders(state: SimState, eligible: readonly number[]): number {
  const open = stationRows.table(state).openOrders;
  let station = -1;
  for (const s of eligible) if (station < 0 || open[s]! < open[station]!) station = s;
  return station;
}

/**
 * `pod-affinity` (pick-order assignment by pod match, after Merschformann et al. 2019 and Boysen et
 * al. 2017): among the eligible stations with no more open orders than their mean (so a station
 * cannot attract ever more work because its backlog holds more pods), the one where loads holding
 * most of the order's SKUs already have a task that accepts lines; ties to the least pick work
 * pending (unpicked lines of its tasks), then fewest open orders, then lowest id.
 */
function podAffinityStation(model: SimModel, state: SimState, joinable: JoinableTaskIndex, skus: readonly number[], eligible: readonly number[]): number {
  if (eligible.length === 0) return -1;
  const open = stationRows.table(state).openOrders;
  let openSum = 0;
  for (const s of eligible) openSum += open[s]!;
  const pending = pendingLinesByStation(state);
  let best = -1;
  let bestMatched = -1;
  for (const s of eligible) {
    if (open[s]! * eligible.length > openSum) continue; // above the mean
    const matched = matchedLines(model, joinable, skus, s);
    const better =
      best < 0 ||
      matched > bestMatched ||
      (matched === bestMatched && (pending[s]! < pending[best]! || (pending[s] === pending[best] && open[s]! < open[best]!)));
    if (better) {
      best = s;
      bestMatched = matched;
    }
  }
  return best;
}

/** How many of `skus` a load with a line-accepting task for `station` already holds. */
function matchedLines(model: SimModel, joinable: JoinableTaskIndex, skus: readonly number[], station: number): number {
  let matched = 0;
  for (const sku of skus) {
    if (loadRows.fields(model).skuLoads[sku]!.some((load) => joinable.has(joinKey(model, load, station)))) matched++;
  }
  return matched;
}

/** Per station, the order lines of its tasks whose picks are not done yet (pick work pending). */
function pendingLinesByStation(state: SimState): number[] {
  const pending = new Array<number>(stationRows.table(state).count).fill(0);
  for (const t of orderRows.data(state).tasks) if (t.phase !== 'returning' && t.phase !== 'done') pending[t.station] = pending[t.station]! + t.lines.length;
  return pending;
}
