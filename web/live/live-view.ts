import type { MqttClient } from 'mqtt';
import type { Kpis, SimEvent } from '../../sim/page-api.ts';
import { placeEvents } from '../ui/event-list.ts';
import type { ReplayHost } from '../replay/replay-host.ts';
import { decodeLiveFrame, liveTopicRoot, parseLiveScene, type LiveFrame, type LiveScene, type LiveStatus } from './live-wire.ts';

/** What the live view needs from the page (the `App`): the replay host's view, panels and worker `describe`. */
export type LiveHost = Pick<ReplayHost, 'view' | 'banner' | 'toolbar' | 'kpiPanel' | 'eventList' | 'describe' | 'setPlaying' | 'selectRobot'>;

/** Arrival latencies kept (wall ms from the session's send to the page's draw call), newest last. */
const LATENCY_SAMPLES = 600;

/** What the page shows of a followed session, for the status line and tests. */
export interface LiveSnapshot {
  url: string;
  root: string;
  connected: boolean;
  /** The scene arrived and the field is drawn. */
  drawn: boolean;
  frames: number;
  /** Tick of the last frame drawn (-1 before one). */
  tick: number;
  /** Frame-arrival latencies, wall ms (session send → drawn on the page), newest last. */
  latencyMs: number[];
  status: LiveStatus | null;
  /** A problem shown in the banner (bad scene, broker unreachable), or null. */
  problem: string | null;
}

/**
 * Live mode (`?vda5050=ws://host:port`): follows a headless `testfield vda5050` session over
 * MQTT-over-WebSocket. The session publishes its scene (retained), pose frames, KPIs and status
 * under `testfield/live/<manufacturer>` (see `live-wire.ts`); this view draws the field from the
 * scene and each frame as it arrives. The page's own worker stays paused: it only compiles the
 * scene to draw its static field.
 */
export class LiveView {
  active = false;
  scene: LiveScene | null = null;
  lastFrame: LiveFrame | null = null;
  private client: MqttClient | null = null;
  private readonly snap: LiveSnapshot = { url: '', root: '', connected: false, drawn: false, frames: 0, tick: -1, latencyMs: [], status: null, problem: null };

  constructor(private readonly app: LiveHost) {}

  /**
   * Connects to the broker at `url` (MQTT over WebSocket) and follows the session under `root`
   * (default `testfield/live/Testfield`). Resolves once subscribed; a broker that cannot be
   * reached is named in the banner.
   */
  async follow(url: string, root = liveTopicRoot('Testfield')): Promise<void> {
    this.active = true;
    this.snap.url = url;
    this.snap.root = root;
    this.app.setPlaying(false);
    this.app.selectRobot(-1);
    this.app.banner.show('info', `Waiting for a live session on ${url} (topics ${root}/…)`);
    const mqtt = (await import('mqtt')).default;
    const client = mqtt.connect(url, {
      clientId: `testfield-page-${Math.floor(Math.random() * 1e9).toString(36)}`,
      clean: true,
      reconnectPeriod: 2000,
      connectTimeout: 10_000,
    });
    this.client = client;
    client.on('error', (error) => this.fail(`broker ${url}: ${error.message}`));
    client.on('offline', () => {
      this.snap.connected = false;
    });
    client.on('message', (topic, payload) => this.onMessage(topic.slice(root.length + 1), payload));
    await new Promise<void>((resolve) => {
      client.once('connect', () => {
        this.snap.connected = true;
        this.snap.problem = null;
        client.subscribe([`${root}/scene`, `${root}/frame`, `${root}/events`, `${root}/kpis`, `${root}/status`], { qos: 0 }, () => resolve());
      });
      client.once('error', () => resolve());
    });
  }

  /** Stops following (the page goes on with its own episode). */
  close(): void {
    this.client?.end(true);
    this.client = null;
    this.active = false;
  }

  snapshot(): LiveSnapshot {
    return { ...this.snap, latencyMs: [...this.snap.latencyMs] };
  }

  private onMessage(sub: string, payload: Uint8Array): void {
    try {
      if (sub === 'scene') void this.showScene(parseLiveScene(new TextDecoder().decode(payload)));
      else if (sub === 'frame') this.showFrame(payload);
      else if (sub === 'events') this.showEvents((JSON.parse(new TextDecoder().decode(payload)) as { events: SimEvent[] }).events);
      else if (sub === 'kpis') this.showKpis(JSON.parse(new TextDecoder().decode(payload)) as { tick: number; kpis: Kpis });
      else if (sub === 'status') this.showStatus(JSON.parse(new TextDecoder().decode(payload)) as LiveStatus);
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
    }
  }

  private async showScene(scene: LiveScene): Promise<void> {
    const app = this.app;
    this.scene = null;
    this.lastFrame = null;
    this.snap.drawn = false;
    const outcome = await app.describe(scene.spec);
    if (!outcome.scene) {
      this.fail(`live scene ${scene.scenarioName}: ${outcome.ok ? 'nothing to draw' : outcome.reason}`);
      return;
    }
    app.view.setScene({ ...outcome.scene, sections: scene.sections.map((s) => ({ ...s, fields: [...s.fields] })) });
    app.eventList.clear();
    app.kpiPanel.reset();
    app.kpiPanel.setScene(outcome.scene.thingCounts ?? {});
    app.banner.show('info', `Live: ${scene.scenarioName}, seed ${scene.seed}, driven over VDA 5050 (${this.snap.url})`);
    this.scene = scene;
    this.snap.drawn = true;
  }

  private showFrame(payload: Uint8Array): void {
    const scene = this.scene;
    if (!scene) return;
    const frame = decodeLiveFrame(scene.sections, payload);
    if (this.lastFrame && frame.tick < this.lastFrame.tick) return; // an older frame overtaken on the way
    this.lastFrame = frame;
    this.app.view.setFrame(frame.sections);
    const s = this.snap;
    s.frames += 1;
    s.tick = frame.tick;
    s.latencyMs.push(Date.now() - frame.sentEpochMs);
    if (s.latencyMs.length > LATENCY_SAMPLES) s.latencyMs.shift();
    this.app.toolbar.clock.textContent = `live tick ${frame.tick} · ${(frame.tick / scene.hz).toFixed(1)} s sim`;
  }

  private showEvents(events: SimEvent[]): void {
    const scene = this.scene;
    if (scene && Array.isArray(events)) this.app.eventList.add(placeEvents(events, (r) => this.app.view.robotXZ(r), scene.hz));
  }

  private showKpis(message: { tick: number; kpis: Kpis }): void {
    if (this.scene) this.app.kpiPanel.show(message.kpis);
  }

  private showStatus(status: LiveStatus): void {
    this.snap.status = status;
    if (status.state === 'ended' && this.scene)
      this.app.banner.show('info', `Live session ${this.scene.scenarioName} ended at tick ${status.tick}${status.hash ? `, state hash ${status.hash}` : ''}`);
  }

  private fail(problem: string): void {
    this.snap.problem = problem;
    this.app.banner.show('error', `Live session: ${problem}`);
  }
}
