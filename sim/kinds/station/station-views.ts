import type { StationObservation } from '../../control/types.ts';
import type { SimModel } from '../../model/sim-model.ts';
import type { SimState } from '../../state/sim-state.ts';
import { stationRows } from './station-columns.ts';

/** Station views (`observation.stations`): last time's object where a station did not change. */
export function observeStations(model: SimModel, state: SimState, previous: readonly StationObservation[]): readonly StationObservation[] {
  const out = stationRows.things(model).map((s) => {
    const raw = stationRows.table(state).pickingTask[s.id]!;
    const picking = raw >= 0 ? raw : null;
    const prev = previous[s.id];
    return prev && prev.node === s.node && prev.picking === picking ? prev : Object.freeze({ id: s.id, node: s.node, picking });
  });
  return Object.freeze(out);
}
