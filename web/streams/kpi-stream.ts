import { combineLatest, filter, map, scan, startWith, switchMap, type Observable } from 'rxjs';
import { createKpiAccumulator, finalizeKpis, reduceKpis, type Kpis, type SimEvent } from '../../sim/index.ts';

/** An episode as the KPI stream sees it. */
export interface EpisodeKey {
  episode: number;
  hz: number;
}

/**
 * Live KPIs: for each episode, the episode's events folded with the sim's own `reduceKpis` (rxjs
 * `scan`), finalised at the latest tick: the same code `bench/` reduces with.
 */
export function kpiStream(
  episodes$: Observable<EpisodeKey>,
  events$: Observable<{ episode: number; events: SimEvent[] }>,
  ticks$: Observable<{ episode: number; tick: number }>,
): Observable<{ episode: number; tick: number; kpis: Kpis }> {
  return episodes$.pipe(
    switchMap(({ episode, hz }) => {
      const acc$ = events$.pipe(
        filter((batch) => batch.episode === episode),
        scan((acc, batch) => batch.events.reduce(reduceKpis, acc), createKpiAccumulator(hz)),
        startWith(createKpiAccumulator(hz)),
      );
      const tick$ = ticks$.pipe(filter((t) => t.episode === episode));
      return combineLatest([acc$, tick$]).pipe(map(([acc, t]) => ({ episode, tick: t.tick, kpis: finalizeKpis(acc, t.tick / hz) })));
    }),
  );
}
