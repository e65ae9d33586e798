import type { SceneView } from './render/scene-view.ts';
import type { SimClient } from './streams/sim-client.ts';

/** Wall milliseconds between congestion texture rewrites. */
const HEATMAP_REFRESH_MS = 500;
/** Wall milliseconds between refreshes of the followed robot's panel. */
const DETAIL_REFRESH_MS = 250;
/** Frame-time samples kept for the benchmark, main-thread milliseconds per animation frame. */
const FRAME_SAMPLES = 600;

/** What the frame loop drives on the page (the `App` hands it over). */
export interface FramedPage {
  readonly client: Pick<SimClient, 'pump' | 'publishMs'>;
  readonly view: Pick<SceneView, 'followed' | 'refreshHeatmap' | 'render'>;
  readonly replay: { readonly active: boolean; animate(nowMs: number): void };
  readonly live: { readonly active: boolean };
  /** Main-thread milliseconds the stream handlers spent since the last frame (taken and zeroed each frame). */
  readonly streams: { handlerMs: number };
  /** Refreshes the followed robot's panel and route. */
  refreshDetail(): Promise<void>;
}

/**
 * The page's animation-frame loop: animates a replay, refreshes the followed robot's panel and the
 * heatmap now and then, draws, then asks the worker for the next advance, and keeps the
 * main-thread milliseconds each frame cost (`frameMs`, for the frame-time benchmark).
 */
export class FrameLoop {
  /** Main-thread milliseconds per frame (rAF work plus message handling), newest last. */
  readonly frameMs: number[] = [];
  private lastDetailMs = 0;
  private lastHeatmapMs = 0;

  constructor(private readonly page: FramedPage) {}

  /** Asks for the first animation frame; each frame asks for the next. */
  start(): void {
    requestAnimationFrame((t) => this.frame(t));
  }

  private frame(nowMs: number): void {
    const page = this.page;
    const t0 = performance.now();
    if (page.replay.active) page.replay.animate(nowMs);
    if (page.view.followed >= 0 && nowMs - this.lastDetailMs > DETAIL_REFRESH_MS) {
      this.lastDetailMs = nowMs;
      void page.refreshDetail();
    }
    if (nowMs - this.lastHeatmapMs >= HEATMAP_REFRESH_MS) {
      this.lastHeatmapMs = nowMs;
      page.view.refreshHeatmap();
    }
    page.view.render();
    // The next advance is asked for after drawing: the worker then computes while this thread is idle, not while it draws.
    if (!page.replay.active && !page.live.active) page.client.pump(nowMs);
    const spent = performance.now() - t0 + page.streams.handlerMs + page.client.publishMs;
    page.streams.handlerMs = 0;
    page.client.publishMs = 0;
    this.frameMs.push(spent);
    if (this.frameMs.length > FRAME_SAMPLES) this.frameMs.shift();
    requestAnimationFrame((t) => this.frame(t));
  }
}
