import { BehaviorSubject, filter, map, Subject } from 'rxjs';
import type { Kpis } from '../sim/page-api.ts';
import type { LinePanel } from './line/line-panel.ts';
import type { SceneView } from './render/scene-view.ts';
import { kpiStream, type EpisodeKey } from './streams/kpi-stream.ts';
import type { SimClient } from './streams/sim-client.ts';
import type { Banner } from './ui/banner.ts';
import { type EventList, placeEvents } from './ui/event-list.ts';
import type { KpiPanel } from './ui/kpi-panel.ts';
import type { MachineHistory } from './ui/machine-history.ts';
import { ThrottledText } from './ui/throttled-text.ts';
import type { Toolbar } from './ui/toolbar.ts';

/** Wall milliseconds between KPI panel refreshes. */
const KPI_REFRESH_MS = 250;
/** Wall milliseconds between rewrites of the toolbar's clock (text changes every frame otherwise). */
const CLOCK_REFRESH_MS = 250;

/** What the stream wiring needs from the page (the `App` has it): the worker client, the view and the panels it feeds. */
export interface StreamedPage {
  readonly client: SimClient;
  readonly view: SceneView;
  readonly toolbar: Toolbar;
  readonly banner: Banner;
  readonly eventList: EventList;
  readonly machineHistory: MachineHistory;
  readonly linePanel: LinePanel;
  readonly kpiPanel: KpiPanel;
  /** Replay and live mode own the panels while active. */
  readonly replay: { readonly active: boolean };
  readonly live: { readonly active: boolean };
  setPlaying(playing: boolean): void;
  /** Reloads the last episode (after a worker restart). */
  reload(): unknown;
}

/**
 * The page's rxjs wiring of the worker client's streams: frames pose the view and advance the
 * clock and heatmap, event batches fill the event list, machine history and line panel, KPIs
 * (reduced on the main thread per episode) fill the KPI and line panels, and a crashed worker
 * shows a banner with a Restart button.
 */
export class PageStreams {
  /** Simulated ticks per second of the live episode (set by each load). */
  hz = 30;
  /** Main-thread milliseconds spent in KPI handlers since the frame loop last took them. */
  handlerMs = 0;
  /** The KPIs of the live episode, newest first to subscribers. */
  readonly kpis$ = new BehaviorSubject<Kpis | null>(null);
  private readonly episodes$ = new Subject<EpisodeKey>();
  private readonly clock: ThrottledText;
  private lastFrameTick = 0;

  constructor(private readonly page: StreamedPage) {
    this.clock = new ThrottledText(page.toolbar.clock, CLOCK_REFRESH_MS);
    this.wire();
  }

  /** Starts the KPI reduction of a freshly loaded episode. */
  startEpisode(key: EpisodeKey): void {
    this.episodes$.next(key);
  }

  private wire(): void {
    const page = this.page;
    const client = page.client;
    client.frames$.pipe(filter((f) => f !== null)).subscribe((f) => {
      page.view.setFrame(f.sections);
      const dTicks = Math.max(0, f.tick - this.lastFrameTick);
      this.lastFrameTick = f.tick;
      page.view.heatmap?.accumulate(f.sections, dTicks / this.hz);
      page.machineHistory.setTime(f.tick / this.hz);
      this.clock.set(`tick ${f.tick} · ${(f.tick / this.hz).toFixed(1)} s sim`);
    });
    client.events$.subscribe((batch) => {
      page.eventList.add(placeEvents(batch.events, (r) => page.view.robotXZ(r), this.hz));
      page.machineHistory.add(batch.events);
      page.linePanel.add(batch.episode, batch.events);
    });
    const ticks$ = client.frames$.pipe(
      filter((f) => f !== null),
      map((f) => ({ episode: f.episode, tick: f.tick })),
    );
    kpiStream(this.episodes$, client.events$, ticks$, KPI_REFRESH_MS).subscribe((k) => this.kpis$.next(k.kpis));
    this.kpis$.subscribe((k) => {
      const t0 = performance.now();
      if (!page.replay.active && !page.live.active) {
        page.kpiPanel.show(k);
        page.linePanel.show(k);
      }
      this.handlerMs += performance.now() - t0;
    });
    client.status$.subscribe((s) => {
      if (s.kind !== 'crashed') return;
      page.toolbar.setPlaying(false);
      page.banner.show('error', `The simulation worker crashed: ${s.message}`, [], {
        label: 'Restart',
        run: () => {
          page.banner.hide();
          page.client.restart();
          page.setPlaying(true);
          void page.reload();
        },
      });
    });
  }
}
