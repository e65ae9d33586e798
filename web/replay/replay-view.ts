import { decodeReplay, ReplayError } from '../../sim/page-api.ts';
import { placeEvents } from '../ui/event-list.ts';
import { byId } from '../ui/toolbar.ts';
import type { ReplayHost } from './replay-host.ts';
import { ReplayPlayer } from './replay-player.ts';

/**
 * Replay mode: opens `.tfr` files (file picker or drag-and-drop; other dropped files open as
 * scenarios, see `scenario/open-files.ts`), draws the recorded field, and plays or scrubs through the recording.
 */
export class ReplayView {
  player: ReplayPlayer | null = null;
  playing = false;
  /** Playback tick (fractional while playing). */
  tick = 0;
  private lastMs = -1;
  private shownTick = -1;
  private readonly bar = byId('replay-bar');
  private readonly scrub = byId<HTMLInputElement>('replay-scrub');
  private readonly label = byId('replay-label');
  private readonly playButton = byId<HTMLButtonElement>('replay-play');

  constructor(private readonly app: ReplayHost) {
    app.toolbar.replayFile.addEventListener('change', () => {
      const file = app.toolbar.replayFile.files?.[0];
      if (file) void this.openFile(file);
      app.toolbar.replayFile.value = '';
    });
    this.scrub.addEventListener('input', () => this.seek(Number(this.scrub.value)));
    this.playButton.addEventListener('click', () => this.setPlaying(!this.playing));
    byId('replay-close').addEventListener('click', () => {
      this.close();
      void app.reload();
    });
    const hint = byId('drop-hint');
    const view = byId('view');
    view.addEventListener('dragover', (e) => {
      e.preventDefault();
      hint.hidden = false;
    });
    view.addEventListener('dragleave', () => (hint.hidden = true));
    view.addEventListener('drop', (e) => {
      e.preventDefault();
      hint.hidden = true;
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      // A replay opens here; anything else (a scenario, a LoRR problem with its files, a .map) in the worker.
      if (files.length === 1 && /\.tfr$/i.test(files[0]!.name)) void this.openFile(files[0]!);
      else void app.openFiles(files);
    });
  }

  get active(): boolean {
    return this.player !== null;
  }

  /** Reads and opens a replay file; a bad file leaves the live field running and says why. */
  async openFile(file: Blob & { name?: string }): Promise<boolean> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return this.open(bytes, file.name ?? 'replay');
  }

  async open(bytes: Uint8Array, name: string): Promise<boolean> {
    const app = this.app;
    let player: ReplayPlayer;
    try {
      player = new ReplayPlayer(decodeReplay(bytes));
    } catch (error) {
      const reason = error instanceof ReplayError ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
      app.banner.show('error', `Cannot open ${name}: ${reason}`);
      return false;
    }
    const outcome = await app.describe(player.replay.header.spec);
    if (!outcome.scene) {
      app.banner.show('error', `Cannot draw ${name}: ${outcome.ok ? '' : outcome.reason}`);
      return false;
    }
    app.setPlaying(false);
    app.selectRobot(-1);
    app.banner.show(
      'info',
      `Replay ${name}: ${player.replay.header.scenarioId}, seed ${player.replay.header.seed}, controller ${player.replay.header.controller}`,
    );
    // Draw by the recorded layout: the renderers must read the frames the file holds.
    app.view.setScene({ ...outcome.scene, sections: [...player.layout] });
    app.view.showHeatmap(app.toolbar.heatmap.checked);
    app.eventList.clear();
    // The line panel is the live episode's (a replay's KPIs carry no machine figures for its verdict).
    app.linePanel.reset(-1);
    app.kpiPanel.reset();
    app.kpiPanel.setScene(outcome.scene.thingCounts ?? {});
    const series = player.throughputSeries();
    app.kpiPanel.setSeries(series.minutes, series.perHour);
    this.player = player;
    this.scrub.max = String(player.endTick);
    this.bar.hidden = false;
    this.shownTick = -1;
    this.seek(0);
    return true;
  }

  /** Leaves replay mode (the caller reloads the live episode). */
  close(): void {
    if (!this.player) return;
    this.player = null;
    this.playing = false;
    this.bar.hidden = true;
    this.app.banner.hide();
  }

  setPlaying(playing: boolean): void {
    this.playing = playing;
    this.lastMs = -1;
    this.playButton.textContent = playing ? 'Pause' : 'Play';
  }

  /** Shows the recording at `tick`. */
  seek(tick: number): void {
    const p = this.player;
    if (!p) return;
    const app = this.app;
    const hz = p.replay.header.hz;
    this.tick = Math.max(0, Math.min(p.endTick, tick));
    const whole = Math.floor(this.tick);
    p.poseAt(this.tick);
    app.view.setFrame(p.sections);
    if (whole !== this.shownTick) {
      if (whole > this.shownTick && this.shownTick >= 0) {
        app.eventList.add(placeEvents(p.eventsBetween(this.shownTick, whole), (r) => app.view.robotXZ(r), hz));
        app.view.heatmap?.accumulate(p.sections, (whole - this.shownTick) / hz);
      } else {
        app.eventList.clear();
        app.view.heatmap?.clear();
      }
      this.shownTick = whole;
      app.kpiPanel.show(p.kpisAt(whole));
    }
    this.scrub.value = String(whole);
    this.label.textContent = `${(this.tick / hz).toFixed(1)} / ${(p.endTick / hz).toFixed(1)} s`;
    app.toolbar.clock.textContent = `replay tick ${whole}`;
  }

  /** Advances playback at ×(speed picker) real time; called every animation frame. */
  animate(nowMs: number): void {
    const p = this.player;
    if (!p || !this.playing) return;
    const dtSec = this.lastMs < 0 ? 0 : Math.min(0.25, (nowMs - this.lastMs) / 1000);
    this.lastMs = nowMs;
    const speed = this.app.speed === 'max' ? 60 : this.app.speed;
    this.seek(this.tick + dtSec * p.replay.header.hz * speed);
    if (this.tick >= p.endTick) this.setPlaying(false);
  }
}
