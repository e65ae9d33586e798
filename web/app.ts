import { BehaviorSubject, filter, map, Subject } from 'rxjs';
import { EXAMPLE_SEED } from '../sim/page-api.ts';
import { builtinKpiKinds, type Kpis, type ScenarioOverrides, type ScenarioSpecInput } from '../sim/page-api.ts';
import { SceneView } from './render/scene-view.ts';
import type { ReplayHost } from './replay/replay-host.ts';
import { ReplayView } from './replay/replay-view.ts';
import { LiveView } from './live/live-view.ts';
import { sessionRecordingNotice } from './live/session-recording-notice.ts';
import type { LoadOptions, LoadOutcome } from './shared/protocol.ts';
import { kpiStream, type EpisodeKey } from './streams/kpi-stream.ts';
import { SimClient, type Speed } from './streams/sim-client.ts';
import { Banner } from './ui/banner.ts';
import { EventList, placeEvents } from './ui/event-list.ts';
import { KpiPanel } from './ui/kpi-panel.ts';
import { MachineHistory } from './ui/machine-history.ts';
import { LinePanel } from './line/line-panel.ts';
import { RobotPanel } from './ui/robot-panel.ts';
import { ThrottledText } from './ui/throttled-text.ts';
import { fetchScenarioText } from './scenario/fetch-scenario-text.ts';
import { parseSpecText } from './scenario/parse-spec-text.ts';
import { fileNameOf, scenarioSource } from './scenario/scenario-source.ts';
import { openScenarioFiles, wireOpenFilesPicker } from './scenario/open-files.ts';
import { byId, FILE_SCENARIO, Toolbar } from './ui/toolbar.ts';
import { fileScenarioLabel, sharedViewUrl } from './ui/share-url.ts';
import { renderLegend } from './ui/kind-legend.ts';
import { onControllersChanged } from './dev/controller-hot-reload.ts';

/** Wall milliseconds between KPI panel refreshes. */
const KPI_REFRESH_MS = 250;
/** Wall milliseconds between rewrites of the toolbar's clock (text changes every frame otherwise). */
const CLOCK_REFRESH_MS = 250;
/** Wall milliseconds between congestion texture rewrites. */
const HEATMAP_REFRESH_MS = 500;
/** Frame-time samples kept for the benchmark, main-thread milliseconds per animation frame. */
const FRAME_SAMPLES = 600;

/** Start-up choices, from the URL (`?scenario=&controller=&seed=&speed=&paused=1&robots=`). */
export interface StartOptions {
  /** A registered scenario id, or the URL of a scenario JSON file (see `scenarioSource`). */
  scenario: string | null;
  controller: string | null;
  seed: number | null;
  speed: Speed;
  paused: boolean;
  overrides: ScenarioOverrides | undefined;
  /** URL of a replay file to open once the page is up (`?replay=`, `testfield replay FILE --open`). */
  replay?: string | null;
  /** MQTT-over-WebSocket URL of a live `testfield vda5050` session to follow (`?vda5050=ws://…`), and its topic root (`&live=`). */
  vda5050?: string | null;
  liveTopic?: string | null;
  /** URL parameters that were given but invalid (each ignored; shown in the banner). */
  problems?: string[];
  /** `?edit` (`''`, or a blank floor size `WxH`): start in the layout editor; null or absent: the field. */
  edit?: string | null;
}

/** The browser test field: wires the worker client, the 3D view and the panels together. */
export class App implements ReplayHost {
  readonly client = new SimClient();
  /** Asked for before the view is built (the WebGL context takes a while): the worker answers meanwhile. */
  private readonly firstCatalog = this.client.catalog();
  readonly view: SceneView;
  readonly toolbar = new Toolbar();
  private readonly clock = new ThrottledText(this.toolbar.clock, CLOCK_REFRESH_MS);
  readonly banner = new Banner(byId('banner'));
  readonly kpiPanel = new KpiPanel(byId('kpis'), byId('chart'));
  readonly eventList: EventList;
  readonly robotPanel: RobotPanel;
  readonly machineHistory: MachineHistory;
  /** A line's state Gantt chart, WIP chart and bottleneck verdict (scenes with machines). */
  readonly linePanel: LinePanel;
  readonly replay: ReplayView;
  readonly live: LiveView;
  /** Main-thread milliseconds per frame (rAF work plus message handling). */
  readonly frameMs: number[] = [];
  /** Last load request, replayed by Reset and by a worker restart. */
  options: LoadOptions | null = null;
  lastOutcome: LoadOutcome | null = null;
  /** The scenario file loaded last (fetched for `?scenario=<url>`: its spec; dropped or picked: the worker's handle), reloaded by the pickers. */
  file: { spec?: ScenarioSpecInput; opened?: number; name: string } | null = null;
  /** URL of the scenario file fetched last (`?scenario=<url>`); null for a dropped file. */
  private fileUrl: string | null = null;
  private readonly episodes$ = new Subject<EpisodeKey>();
  readonly kpis$ = new BehaviorSubject<Kpis | null>(null);
  private hz = 30;
  private handlerMs = 0;
  private lastDetailMs = 0;
  private lastHeatmapMs = 0;
  private lastFrameTick = 0;

  constructor(private readonly start: StartOptions) {
    this.firstCatalog.catch(() => {}); // a failure is boot()'s to report, not an unhandled rejection
    this.view = new SceneView(byId<HTMLCanvasElement>('canvas'));
    this.eventList = new EventList(byId<HTMLOListElement>('events'), (x, z) => this.view.jumpTo(x, z));
    this.robotPanel = new RobotPanel(byId('robot-panel'), () => this.selectRobot(-1));
    const machinePanel = document.createElement('section');
    machinePanel.id = 'machine-panel';
    machinePanel.hidden = true;
    byId('robot-panel').after(machinePanel);
    this.machineHistory = new MachineHistory(machinePanel);
    const linePanel = document.createElement('section');
    linePanel.id = 'line-panel';
    byId('view').append(linePanel);
    this.linePanel = new LinePanel(linePanel);
    this.replay = new ReplayView(this);
    this.live = new LiveView(this);
    this.client.speed = start.speed;
    this.client.playing = !start.paused;
    this.wireStreams();
    this.wireInput();
    wireOpenFilesPicker(this);
  }

  /** Fills the pickers and loads the first episode (a registered scenario or a scenario file). */
  async boot(): Promise<void> {
    const catalog = await this.firstCatalog;
    const source = scenarioSource(this.start.scenario);
    const scenario = source?.kind === 'registered' ? source.id : catalog.defaultScenario;
    const controller = this.start.controller ?? catalog.defaultController;
    this.toolbar.fill(catalog, scenario, controller, this.start.seed ?? EXAMPLE_SEED);
    this.toolbar.setSpeed(this.start.speed);
    this.toolbar.setPlaying(this.client.playing);
    const extra = { ...(this.start.overrides ? { overrides: this.start.overrides } : {}) };
    if (this.start.edit != null) await this.openEditor(this.start.edit, this.start.scenario);
    else if (source?.kind === 'file') await this.loadScenarioFile(source.url, { ...(this.start.seed !== null ? { seed: this.start.seed } : {}), ...extra });
    else await this.load({ scenario, controller, seed: this.start.seed ?? EXAMPLE_SEED, ...extra });
    onControllersChanged(() => void this.refreshControllers());
    if (this.start.replay) await this.openReplayUrl(this.start.replay);
    else if (this.start.vda5050) await this.live.follow(this.start.vda5050, this.start.liveTopic ?? undefined);
    const problems = this.start.problems ?? [];
    if (problems.length > 0 && this.banner.hidden)
      this.banner.show('error', `The page address has ${problems.length === 1 ? 'a bad parameter' : `${problems.length} bad parameters`}`, problems);
    requestAnimationFrame((t) => this.frame(t));
  }

  /** Fetches and opens a replay (`?replay=URL`); a failed fetch is named in the banner, the live field plays on. */
  private async openReplayUrl(url: string): Promise<void> {
    const name = decodeURIComponent(url.split(/[?#]/)[0]!.split('/').pop() ?? url);
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
      await this.replay.open(new Uint8Array(await response.arrayBuffer()), name);
    } catch (error) {
      this.banner.show('error', `Cannot fetch replay ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** A controller file was added or changed under `npm start`: a fresh worker, the new picker, the same episode again. */
  private async refreshControllers(): Promise<void> {
    this.client.restart();
    const catalog = await this.client.catalog();
    const current = this.options;
    const controller = current && catalog.controllers.includes(current.controller) ? current.controller : catalog.defaultController;
    this.toolbar.fill(catalog, current?.scenario ?? catalog.defaultScenario, controller, current?.seed ?? EXAMPLE_SEED);
    if (current) await this.load({ ...current, controller });
  }

  /** Loads an episode; a refused scenario still draws its layout and names every problem. */
  async load(options: LoadOptions): Promise<LoadOutcome> {
    this.replay.close();
    this.options = options;
    this.selectRobot(-1);
    this.machineHistory.reset();
    this.kpiPanel.reset();
    this.eventList.clear();
    // After a crashed or hung worker, a new load (a picker, Reset) starts a fresh worker and plays on.
    const recovering = this.client.status$.value.kind === 'crashed';
    this.linePanel.reset(-1);
    const outcome = await this.client.load(options);
    this.lastOutcome = outcome;
    if (outcome.ok) this.linePanel.reset(outcome.episode);
    if (outcome.scene) {
      this.view.setScene(outcome.scene);
      // The episode's first frame arrived inside client.load, before this scene existed: pose it now
      // (paused, no other frame comes, and everything would stand at the origin).
      const first = this.client.frames$.value;
      if (outcome.ok && first && first.episode === outcome.episode) this.view.setFrame(first.sections);
      renderLegend(byId('legend'), outcome.scene);
    }
    if (!outcome.ok) {
      const fromFile =
        this.file && ((options.spec !== undefined && this.file.spec === options.spec) || (options.opened !== undefined && this.file.opened === options.opened));
      const what = fromFile ? `Scenario file ${this.file!.name} refused` : 'Scenario refused';
      this.banner.show(
        'error',
        `${what}: ${outcome.reason}`,
        outcome.issues.map((i) => `${i.path}: ${i.message}`),
      );
      return outcome;
    }
    this.banner.hide();
    this.shareView();
    if (recovering) this.setPlaying(true);
    this.hz = outcome.scene.hz;
    this.view.showHeatmap(this.toolbar.heatmap.checked);
    // Kind KPIs (the production line's) for the kinds the scene has things of; built-in kinds only, as in the worker
    // (their KPI reducers alone: the main thread never loads the physics).
    const counts = outcome.scene.thingCounts ?? Object.fromEntries(outcome.scene.sections.map((s) => [s.kind, s.count]));
    const things = Object.fromEntries(Object.entries(counts).map(([kind, n]) => [kind, new Array<unknown>(n)]));
    this.kpiPanel.setScene(counts);
    this.episodes$.next({ episode: outcome.episode, hz: outcome.scene.hz, kinds: builtinKpiKinds, things });
    return outcome;
  }

  /**
   * Opens the layout editor (its code is loaded on first use): `edit` is a blank floor size
   * (`WxH`) or `''`; `scenario` a `?scenario=` value to open, else the field's own scenario.
   */
  async openEditor(edit = '', scenario?: string | null): Promise<void> {
    const { openLayoutEditor } = await import('./editor/open-editor.ts');
    await openLayoutEditor(this, { edit, ...(scenario !== undefined ? { scenario } : {}) });
  }

  /** The speed picker's value. */
  get speed(): Speed {
    return this.client.speed;
  }

  /** Compiles a spec in the worker and returns its field without running it (replays). */
  describe(spec: ScenarioSpecInput): Promise<LoadOutcome> {
    return this.client.remote.describe(spec);
  }

  /** Reloads the current options (Reset, and after a worker restart). */
  reload(): Promise<LoadOutcome> | null {
    return this.options ? this.load(this.options) : null;
  }

  setPlaying(playing: boolean): void {
    this.client.playing = playing;
    this.toolbar.setPlaying(playing);
  }

  setSpeed(speed: Speed): void {
    this.client.speed = speed;
    this.toolbar.setSpeed(speed);
    this.shareView();
  }

  /** Writes the current scenario, controller, seed and speed into the address bar (a shareable view). */
  private shareView(): void {
    const o = this.options;
    if (!o || typeof history === 'undefined') return;
    const scenario = o.scenario ?? (o.spec !== undefined && this.fileUrl ? this.fileUrl : null);
    history.replaceState(
      history.state,
      '',
      sharedViewUrl(location.href, { scenario, controller: o.controller, seed: o.seed ?? EXAMPLE_SEED, speed: this.client.speed }),
    );
  }

  /** Follows a robot and shows its panel; -1 clears. */
  selectRobot(robot: number): void {
    this.view.select(robot);
    if (robot < 0) this.robotPanel.hide();
    else void this.refreshDetail();
  }

  private async refreshDetail(): Promise<void> {
    const robot = this.view.followed;
    if (robot < 0 || this.replay.active || this.live.active) return;
    const detail = await this.client.remote.robotDetail(robot).catch(() => null);
    if (!detail || this.view.followed !== robot) return;
    this.robotPanel.show(detail);
    this.view.setRoute(detail.routeXZ);
  }

  private frame(nowMs: number): void {
    const t0 = performance.now();
    if (this.replay.active) this.replay.animate(nowMs);
    if (this.view.followed >= 0 && nowMs - this.lastDetailMs > 250) {
      this.lastDetailMs = nowMs;
      void this.refreshDetail();
    }
    if (nowMs - this.lastHeatmapMs >= HEATMAP_REFRESH_MS) {
      this.lastHeatmapMs = nowMs;
      this.view.refreshHeatmap();
    }
    this.view.render();
    // The next advance is asked for after drawing: the worker then computes while this thread is idle, not while it draws.
    if (!this.replay.active && !this.live.active) this.client.pump(nowMs);
    const spent = performance.now() - t0 + this.handlerMs + this.client.publishMs;
    this.handlerMs = 0;
    this.client.publishMs = 0;
    this.frameMs.push(spent);
    if (this.frameMs.length > FRAME_SAMPLES) this.frameMs.shift();
    requestAnimationFrame((t) => this.frame(t));
  }

  private wireStreams(): void {
    const client = this.client;
    client.frames$.pipe(filter((f) => f !== null)).subscribe((f) => {
      this.view.setFrame(f.sections);
      const dTicks = Math.max(0, f.tick - this.lastFrameTick);
      this.lastFrameTick = f.tick;
      this.view.heatmap?.accumulate(f.sections, dTicks / this.hz);
      this.machineHistory.setTime(f.tick / this.hz);
      this.clock.set(`tick ${f.tick} · ${(f.tick / this.hz).toFixed(1)} s sim`);
    });
    client.events$.subscribe((batch) => {
      this.eventList.add(placeEvents(batch.events, (r) => this.view.robotXZ(r), this.hz));
      this.machineHistory.add(batch.events);
      this.linePanel.add(batch.episode, batch.events);
    });
    const ticks$ = client.frames$.pipe(
      filter((f) => f !== null),
      map((f) => ({ episode: f.episode, tick: f.tick })),
    );
    kpiStream(this.episodes$, client.events$, ticks$, KPI_REFRESH_MS).subscribe((k) => this.kpis$.next(k.kpis));
    this.kpis$.subscribe((k) => {
      const t0 = performance.now();
      if (!this.replay.active && !this.live.active) {
        this.kpiPanel.show(k);
        this.linePanel.show(k);
      }
      this.handlerMs += performance.now() - t0;
    });
    client.status$.subscribe((s) => {
      if (s.kind !== 'crashed') return;
      this.toolbar.setPlaying(false);
      this.banner.show('error', `The simulation worker crashed: ${s.message}`, [], {
        label: 'Restart',
        run: () => {
          this.banner.hide();
          this.client.restart();
          this.setPlaying(true);
          void this.reload();
        },
      });
    });
  }

  private wireInput(): void {
    const tb = this.toolbar;
    tb.play.addEventListener('click', () => this.setPlaying(!this.client.playing));
    tb.step.addEventListener('click', () => {
      this.setPlaying(false);
      void this.client.step(1);
    });
    tb.reset.addEventListener('click', () => void this.reload());
    tb.edit.addEventListener(
      'click',
      () =>
        void this.openEditor().catch((e: unknown) =>
          this.banner.show('error', `The layout editor failed to open: ${e instanceof Error ? e.message : String(e)}`),
        ),
    );
    tb.speed.addEventListener('change', () => this.setSpeed(tb.readSpeed()));
    tb.heatmap.addEventListener('change', () => {
      this.view.showHeatmap(tb.heatmap.checked);
    });
    const reloadFromPickers = () => {
      const seed = Math.max(0, Math.floor(Number(tb.seed.value) || 0));
      const cell = tb.cellController.value ? { cellController: tb.cellController.value } : {};
      const file = this.file ? (this.file.opened !== undefined ? { opened: this.file.opened } : { spec: this.file.spec }) : null;
      if (tb.scenario.value === FILE_SCENARIO && file) void this.load({ ...file, controller: tb.controller.value, seed, ...cell });
      else if (tb.scenario.value !== FILE_SCENARIO) void this.load({ scenario: tb.scenario.value, controller: tb.controller.value, seed, ...cell });
    };
    tb.scenario.addEventListener('change', reloadFromPickers);
    tb.controller.addEventListener('change', reloadFromPickers);
    tb.cellController.addEventListener('change', reloadFromPickers);
    tb.seed.addEventListener('change', reloadFromPickers);
    window.addEventListener('resize', () => this.view.resize());
    window.addEventListener('keydown', (e) => {
      if (e.code === 'Space' && !(e.target instanceof HTMLInputElement)) {
        e.preventDefault();
        this.setPlaying(!this.client.playing);
      }
    });
    const canvas = byId<HTMLCanvasElement>('canvas');
    let down: { x: number; y: number } | null = null;
    canvas.addEventListener('pointerdown', (e) => (down = { x: e.clientX, y: e.clientY }));
    canvas.addEventListener('pointerup', (e) => {
      if (!down || Math.hypot(e.clientX - down.x, e.clientY - down.y) > 5) return;
      const robot = this.view.pick(e.clientX, e.clientY);
      if (robot >= 0) this.selectRobot(robot);
      else {
        const thing = this.view.pickThing(e.clientX, e.clientY);
        if (thing?.kind === 'machine') this.machineHistory.show(thing.id);
      }
    });
  }

  /**
   * Loads a scenario spec given as JSON text (a dropped file, or one fetched for `?scenario=`).
   * Text that is not JSON, or JSON that is not an object, is named in the banner; a spec the
   * worker refuses lists every problem as `path: reason`.
   */
  async loadSpecText(text: string, name: string, extra: Pick<LoadOptions, 'seed' | 'overrides'> = {}, url: string | null = null): Promise<void> {
    this.fileUrl = url;
    const parsed = parseSpecText(text, name);
    if (!parsed.ok) {
      this.banner.show('error', parsed.message);
      return;
    }
    const spec = parsed.spec;
    const recording = sessionRecordingNotice(spec, name);
    if (recording) {
      this.banner.show('error', recording);
      return;
    }
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
      this.banner.show(
        'error',
        `${name} does not hold a scenario: expected a JSON object, found ${Array.isArray(spec) ? 'an array' : spec === null ? 'null' : `a ${typeof spec}`}`,
      );
      return;
    }
    this.file = { spec: spec as ScenarioSpecInput, name };
    this.toolbar.showFile(name, fileScenarioLabel(spec, name));
    await this.load({ spec: this.file.spec, controller: this.toolbar.controller.value, ...extra });
  }

  /** Opens dropped or picked files as the live scenario, read and imported in the worker (`scenario/open-files.ts`). */
  openFiles(files: File[]): Promise<void> {
    return openScenarioFiles(this, files);
  }

  /** Fetches a scenario file (relative to the page) and loads it; a failed fetch says why in the banner. */
  async loadScenarioFile(url: string, extra: Pick<LoadOptions, 'seed' | 'overrides'> = {}): Promise<void> {
    const name = fileNameOf(url);
    this.banner.show('info', `Loading scenario file ${url} …`);
    const fetched = await fetchScenarioText(url);
    if (!fetched.ok) {
      this.banner.show('error', `Cannot load scenario file ${url}: ${fetched.message}`);
      return;
    }
    await this.loadSpecText(fetched.text, name, extra, url);
  }
}
