import { auditTime, combineLatest, filter, map, scan, startWith, switchMap, type Observable } from 'rxjs';
import { createKpiAccumulator, finalizeKpis, reduceKpis, type KindRegistry, type Kpis, type SimEvent } from '../../sim/page-api.ts';

/** An episode as the KPI stream sees it. */
export interface EpisodeKey {
  episode: number;
  hz: number;
  /** The kinds whose KPIs (`kpis.things`) are folded too, and their thing counts (kinds without things report none). */
  kinds?: KindRegistry;
  things?: Readonly<Record<string, readonly unknown[]>>;
}

/**
 * Live KPIs: for each episode, the episode's events folded with the sim's own `reduceKpis` (rxjs
 * `scan`), finalised at the latest tick: the same code `bench/` reduces with. Every event is folded
 * as it arrives; finalising (percentiles and rates) happens at most once per `refreshMs` wall
 * milliseconds, on the latest accumulator and tick.
 */
export function kpiStream(
  episodes$: Observable<EpisodeKey>,
  events$: Observable<{ episode: number; events: SimEvent[] }>,
  ticks$: Observable<{ episode: number; tick: number }>,
  refreshMs: number,
): Observable<{ episode: number; tick: number; kpis: Kpis }> {
  return episodes$.pipe(
    switchMap(({ episode, hz, kinds, things }) => {
      const acc$ = events$.pipe(
        filter((batch) => batch.episode === episode),
        scan((acc, batch) => batch.events.reduce(reduceKpis, acc), createKpiAccumulator(hz, kinds, things)),
        startWith(createKpiAccumulator(hz, kinds, things)),
      );
      const tick$ = ticks$.pipe(filter((t) => t.episode === episode));
      return combineLatest([acc$, tick$]).pipe(
        auditTime(refreshMs),
        map(([acc, t]) => ({ episode, tick: t.tick, kpis: finalizeKpis(acc, t.tick / hz) })),
      );
    }),
  );
}
