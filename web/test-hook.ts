import type { Remote } from 'comlink';
import { EXAMPLE_SEED } from '../sim/page-api.ts';
import type { FrameSectionLayout, Kpis, ScenarioOverrides, ScenarioSpecInput } from '../sim/page-api.ts';
import type { App } from './app.ts';
import type { LineChartsView } from './line/line-panel.ts';
import type { LoadOutcome } from './shared/protocol.ts';
import type { Speed } from './streams/sim-client.ts';
import type { TestWorkerApi } from './worker/test-worker-hooks.ts';

/** What end-to-end tests and the frame-time benchmark drive the page with (`window.__testfield`). */
export interface TestHook {
  /** Current tick of the live episode. */
  tick(): number;
  episode(): number;
  /** The worker's state hash. */
  hash(): Promise<string>;
  /** Pauses and advances exactly `ticks` ticks; resolves with the tick reached. */
  advance(ticks: number): Promise<number>;
  setPlaying(playing: boolean): void;
  setSpeed(speed: Speed): void;
  /** KPIs shown in the panel. */
  shownKpis(): Kpis | null;
  /** Client-space position of a robot, to click it. */
  robotScreenXY(robot: number): { x: number; y: number } | null;
  selectedRobot(): number;
  /** Frame layout of the field on screen (live episode or replay); empty before one is drawn. */
  frameLayout(): FrameSectionLayout[];
  /** Instances each kind renderer draws, by kind id. */
  drawnCounts(): Record<string, number>;
  /** Shows or hides one kind's renderer and resolves after the next frame is drawn; false if the kind is not drawn. */
  showKind(kind: string, visible: boolean): Promise<boolean>;
  loadSpec(spec: ScenarioSpecInput, overrides?: ScenarioOverrides): Promise<LoadOutcome>;
  /** Opens replay bytes as if dropped. */
  openReplay(bytes: number[], name: string): Promise<boolean>;
  seekReplay(tick: number): void;
  replayEndTick(): number;
  /** Main-thread milliseconds per frame, newest last. */
  frameMs(): number[];
  /**
   * Milliseconds from navigation start to the first frame drawn with poses (robots and whatever
   * else moves placed from a worker frame; also marked `testfield:first-frame`), or null before it.
   */
  firstFrameMs(): number | null;
  clearFrameMs(): void;
  crashWorker(): Promise<void>;
  /** Blocks the worker's event loop for good (the heartbeat must notice). */
  hangWorker(): Promise<void>;
  /** Loads a registered scenario with a controller by name (also the hidden `test/…` ones). */
  loadWith(scenario: string, controller: string, overrides?: ScenarioOverrides): Promise<LoadOutcome>;
  /** Grouped lines of the event list: events counted per cause. */
  eventGroups(): Record<string, number>;
  /** What the line panel (state Gantt chart, WIP chart, bottleneck verdict) shows; null before it has drawn a line. */
  lineCharts(): LineChartsView | null;
  /** Live mode (`?vda5050=`): what the page follows and has drawn; null when not following. */
  live(): import('./live/live-view.ts').LiveSnapshot | null;
  /** Where the page draws a robot now (live episode, replay or followed session), world metres. */
  robotXZ(robot: number): { x: number; z: number } | null;
}

declare global {
  interface Window {
    __testfield?: TestHook;
  }
}

/** The worker's test-only calls, which it adds to its API in the test-hooks mode (`worker/test-worker-hooks.ts`). */
const testCalls = (app: App) => app.client.remote as unknown as Remote<TestWorkerApi>;

/** Installs `window.__testfield`. */
export function installTestHook(app: App): void {
  window.__testfield = {
    tick: () => app.client.tick,
    episode: () => app.client.episodeToken,
    hash: () => app.client.remote.hash(),
    advance: async (ticks) => {
      app.setPlaying(false);
      return app.client.step(ticks);
    },
    setPlaying: (playing) => app.setPlaying(playing),
    setSpeed: (speed) => app.setSpeed(speed),
    shownKpis: () => app.kpiPanel.shown,
    robotScreenXY: (robot) => app.view.screenOf(robot),
    selectedRobot: () => app.view.followed,
    frameLayout: () => app.view.sceneInfo?.sections.map((s) => ({ ...s, fields: [...s.fields] })) ?? [],
    drawnCounts: () => app.view.drawnCounts(),
    showKind: (kind, visible) => {
      const drawn = app.view.setKindVisible(kind, visible);
      return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(drawn))));
    },
    loadSpec: (spec, overrides) => app.load({ spec, controller: app.toolbar.controller.value, ...(overrides ? { overrides } : {}) }),
    openReplay: (bytes, name) => app.replay.open(Uint8Array.from(bytes), name),
    seekReplay: (tick) => app.replay.seek(tick),
    replayEndTick: () => app.replay.player?.endTick ?? -1,
    frameMs: () => [...app.frameMs],
    firstFrameMs: () => (app.view.firstPosedRenderMs >= 0 ? app.view.firstPosedRenderMs : null),
    clearFrameMs: () => {
      app.frameMs.length = 0;
    },
    crashWorker: () => testCalls(app).crash(),
    hangWorker: () => {
      void testCalls(app).hang();
      return Promise.resolve();
    },
    loadWith: (scenario, controller, overrides) => app.load({ scenario, controller, seed: EXAMPLE_SEED, ...(overrides ? { overrides } : {}) }),
    eventGroups: () => app.eventList.groups(),
    lineCharts: () => app.linePanel.shown,
    live: () => (app.live.active ? app.live.snapshot() : null),
    robotXZ: (robot) => app.view.robotXZ(robot),
  };
}
