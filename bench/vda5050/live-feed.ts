import { connectAsync, type MqttClient } from 'mqtt';
import type { FrameSectionLayout, Kpis, PoseFrame, SimEvent } from '../../sim/index.ts';
import { encodeLiveFrame, LIVE_EVENT_TYPES, LIVE_EVENTS_PER_FRAME, type LiveScene, type LiveStatus } from '../../web/live/live-wire.ts';

/**
 * The live feed of a session for the page (`?vda5050=ws://…`): one MQTT client that publishes the
 * retained scene, a binary pose frame at most `frameHz` times a wall second (the notable events
 * since the last one before it), the KPIs about once a second and a retained status (running, then ended with the final hash). The page draws the
 * frames as they come: it follows the headless session, it does not re-simulate it.
 */
export class LiveFeed {
  /** Frames published so far. */
  frames = 0;
  /** Bytes of frames published so far. */
  frameBytes = 0;
  private lastFrameMs = -Infinity;
  private pendingEvents: SimEvent[] = [];
  private lastKpisMs = -Infinity;
  private readonly frameEveryMs: number;

  private constructor(
    private readonly client: MqttClient,
    readonly root: string,
    private readonly layout: readonly FrameSectionLayout[],
    frameHz: number,
  ) {
    this.frameEveryMs = 1000 / frameHz;
  }

  /** Connects and publishes the retained scene and a `running` status. */
  static async open(brokerUrl: string, root: string, scene: LiveScene, frameHz: number): Promise<LiveFeed> {
    const client = await connectAsync(brokerUrl, {
      clientId: `testfield-live-${process.pid}-${Math.floor(performance.now())}`,
      clean: true,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
      will: { topic: `${root}/status`, payload: Buffer.from(JSON.stringify({ state: 'ended', tick: -1 } satisfies LiveStatus)), qos: 1, retain: true },
    });
    const feed = new LiveFeed(client, root, scene.sections, frameHz);
    await client.publishAsync(`${root}/scene`, JSON.stringify(scene), { qos: 1, retain: true });
    await client.publishAsync(`${root}/status`, JSON.stringify({ state: 'running', tick: 0 } satisfies LiveStatus), { qos: 1, retain: true });
    return feed;
  }

  /** Keeps the events the page lists, to send before the next frame. */
  events(events: readonly SimEvent[]): void {
    for (const e of events) if (LIVE_EVENT_TYPES.has(e.type) && this.pendingEvents.length < LIVE_EVENTS_PER_FRAME) this.pendingEvents.push(e);
  }

  /** Publishes `frame` when a frame is due at wall time `nowMs` (or `force`); KPIs once a second. */
  offer(nowMs: number, frame: () => PoseFrame, kpis: () => Kpis, force = false): void {
    if (!force && nowMs - this.lastFrameMs < this.frameEveryMs) return;
    this.lastFrameMs = nowMs;
    if (this.pendingEvents.length > 0) {
      this.client.publish(`${this.root}/events`, JSON.stringify({ events: this.pendingEvents }), { qos: 0 });
      this.pendingEvents = [];
    }
    const f = frame();
    const bytes = encodeLiveFrame(this.layout, f.tick, Date.now(), f.sections);
    this.frames += 1;
    this.frameBytes += bytes.byteLength;
    this.client.publish(`${this.root}/frame`, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { qos: 0 });
    if (force || nowMs - this.lastKpisMs >= 1000) {
      this.lastKpisMs = nowMs;
      this.client.publish(`${this.root}/kpis`, JSON.stringify({ tick: f.tick, kpis: kpis() }), { qos: 0 });
    }
  }

  /** Publishes the retained `ended` status with the final tick and hash, and disconnects. */
  async close(tick: number, hash: string): Promise<void> {
    await this.client.publishAsync(`${this.root}/status`, JSON.stringify({ state: 'ended', tick, hash } satisfies LiveStatus), { qos: 1, retain: true });
    await this.client.endAsync();
  }
}
