import { builtinKpiKinds, EXAMPLE_SEED, type ScenarioSpecInput } from '../sim/page-api.ts';
import { SceneView } from './render/scene-view.ts';
import type { ReplayHost } from './replay/replay-host.ts';
import { ReplayView } from './replay/replay-view.ts';
import { openReplayUrl } from './replay/open-replay-url.ts';
import { LiveView } from './live/live-view.ts';
import type { LoadOptions, LoadOutcome } from './shared/protocol.ts';
import { SimClient, type Speed } from './streams/sim-client.ts';
import { Banner } from './ui/banner.ts';
import { EventList } from './ui/event-list.ts';
import { KpiPanel } from './ui/kpi-panel.ts';
import { MachineHistory } from './ui/machine-history.ts';
import { LinePanel } from './line/line-panel.ts';
import { RobotPanel } from './ui/robot-panel.ts';
import { type FileLoadExtra, type LoadedScenarioFile, loadScenarioFile, loadSpecText } from './scenario/load-scenario-file.ts';
import { scenarioSource } from './scenario/scenario-source.ts';
import { openScenarioFiles, wireOpenFilesPicker } from './scenario/open-files.ts';
import { byId, Toolbar } from './ui/toolbar.ts';
import { sharedViewUrl } from './ui/share-url.ts';
import { renderLegend } from './ui/kind-legend.ts';
import type { StartOptions } from './ui/start-options.ts';
import { onControllersChanged } from './dev/controller-hot-reload.ts';
import { FrameLoop } from './frame-loop.ts';
import { wirePageInput } from './page-input.ts';
import { PageStreams } from './page-streams.ts';

/** The browser test field: wires the worker client, the 3D view and the panels together. */
export class App implements ReplayHost {
  readonly client = new SimClient();
  /** Asked for before the view is built (the WebGL context takes a while): the worker answers meanwhile. */
  private readonly firstCatalog = this.client.catalog();
  readonly view: SceneView;
  readonly toolbar = new Toolbar();
  readonly banner = new Banner(byId('banner'));
  readonly kpiPanel = new KpiPanel(byId('kpis'), byId('chart'));
  readonly eventList: EventList;
  readonly robotPanel: RobotPanel;
  readonly machineHistory: MachineHistory;
  /** A line's state Gantt chart, WIP chart and bottleneck verdict (scenes with machines). */
  readonly linePanel: LinePanel;
  readonly replay: ReplayView;
  readonly live: LiveView;
  /** The rxjs wiring of the worker client's streams into the view and panels. */
  readonly streams: PageStreams;
  private readonly frameLoop: FrameLoop;
  /** Main-thread milliseconds per frame (rAF work plus message handling), newest last. */
  readonly frameMs: number[];
  /** Last load request, replayed by Reset and by a worker restart. */
  options: LoadOptions | null = null;
  lastOutcome: LoadOutcome | null = null;
  /** The scenario file loaded last (fetched for `?scenario=<url>`: its spec; dropped or picked: the worker's handle), reloaded by the pickers. */
  file: LoadedScenarioFile | null = null;
  /** URL of the scenario file fetched last (`?scenario=<url>`); null for a dropped file. */
  fileUrl: string | null = null;

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
    this.streams = new PageStreams(this);
    wirePageInput(this);
    wireOpenFilesPicker(this);
    this.frameLoop = new FrameLoop({
      client: this.client,
      view: this.view,
      replay: this.replay,
      live: this.live,
      streams: this.streams,
      refreshDetail: () => this.refreshDetail(),
    });
    this.frameMs = this.frameLoop.frameMs;
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
    else if (source?.kind === 'file') await loadScenarioFile(this, source.url, { ...(this.start.seed !== null ? { seed: this.start.seed } : {}), ...extra });
    else await this.load({ scenario, controller, seed: this.start.seed ?? EXAMPLE_SEED, ...extra });
    onControllersChanged(() => void this.refreshControllers());
    if (this.start.replay) await openReplayUrl(this, this.start.replay);
    else if (this.start.vda5050) await this.live.follow(this.start.vda5050, this.start.liveTopic ?? undefined);
    const problems = this.start.problems ?? [];
    if (problems.length > 0 && this.banner.hidden)
      this.banner.show('error', `The page address has ${problems.length === 1 ? 'a bad parameter' : `${problems.length} bad parameters`}`, problems);
    this.frameLoop.start();
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
    this.streams.hz = outcome.scene.hz;
    this.view.showHeatmap(this.toolbar.heatmap.checked);
    // Kind KPIs (the production line's) for the kinds the scene has things of; built-in kinds only, as in the worker
    // (their KPI reducers alone: the main thread never loads the physics).
    const counts = outcome.scene.thingCounts ?? Object.fromEntries(outcome.scene.sections.map((s) => [s.kind, s.count]));
    const things = Object.fromEntries(Object.entries(counts).map(([kind, n]) => [kind, new Array<unknown>(n)]));
    this.kpiPanel.setScene(counts);
    this.streams.startEpisode({ episode: outcome.episode, hz: outcome.scene.hz, kinds: builtinKpiKinds, things });
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

  /**
   * Loads a scenario spec given as JSON text (a dropped file, or one fetched for `?scenario=`);
   * bad text or a refused spec is named in the banner (`scenario/load-scenario-file.ts`).
   */
  loadSpecText(text: string, name: string, extra: FileLoadExtra = {}, url: string | null = null): Promise<void> {
    return loadSpecText(this, text, name, extra, url);
  }

  /** Opens dropped or picked files as the live scenario, read and imported in the worker (`scenario/open-files.ts`). */
  openFiles(files: File[]): Promise<void> {
    return openScenarioFiles(this, files);
  }
}
