import { connectAsync, type MqttClient } from 'mqtt';
import { topicOf, type TopicBase } from './topics.ts';
import { INCOMING_TOPICS, type IncomingTopic, type VdaTopic } from './vda-messages.ts';

/**
 * One vehicle's MQTT connection: its own client (so its last will is its own), subscribed to
 * its `order` and `instantActions`, publishing with a running `headerId` per topic.
 */
export class VehicleLink {
  private readonly headerIds = new Map<VdaTopic, number>();
  /** Messages published so far. */
  published = 0;

  private constructor(
    private readonly client: MqttClient,
    readonly base: TopicBase,
    private readonly version: string,
  ) {}

  /**
   * Connects, with a retained `CONNECTIONBROKEN` connection message as last will, and subscribes;
   * `onMessage` gets each incoming payload as a string (never parsed here).
   */
  static async open(brokerUrl: string, base: TopicBase, version: string, onMessage: (topic: IncomingTopic, payload: string) => void): Promise<VehicleLink> {
    const header = { version, manufacturer: base.manufacturer, serialNumber: base.serialNumber };
    const will = { headerId: 0, timestamp: new Date().toISOString(), ...header, connectionState: 'CONNECTIONBROKEN' };
    const client = await connectAsync(brokerUrl, {
      clientId: `testfield-${base.manufacturer}-${base.serialNumber}-${process.pid}`,
      clean: true,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
      will: { topic: topicOf(base, 'connection'), payload: Buffer.from(JSON.stringify(will)), qos: 1, retain: true },
    });
    const link = new VehicleLink(client, base, version);
    const byTopic = new Map(INCOMING_TOPICS.map((t) => [topicOf(base, t), t] as const));
    client.on('message', (topic, payload) => {
      const t = byTopic.get(topic);
      if (t) onMessage(t, payload.toString('utf8'));
    });
    await client.subscribeAsync([...byTopic.keys()], { qos: 0 });
    return link;
  }

  /** Publishes `body` on `topic` with the next headerId and the current time. */
  publish(topic: VdaTopic, body: object, options: { retain?: boolean; qos?: 0 | 1 } = {}): void {
    const headerId = (this.headerIds.get(topic) ?? -1) + 1;
    this.headerIds.set(topic, headerId);
    const message = { headerId, timestamp: new Date().toISOString(), ...body };
    this.published += 1;
    this.client.publish(topicOf(this.base, topic), JSON.stringify(message), { qos: options.qos ?? 0, retain: options.retain ?? false });
  }

  /** Publishes a retained `OFFLINE` connection message and disconnects. */
  async close(): Promise<void> {
    this.publish(
      'connection',
      { version: this.version, manufacturer: this.base.manufacturer, serialNumber: this.base.serialNumber, connectionState: 'OFFLINE' },
      { retain: true, qos: 1 },
    );
    await this.client.endAsync();
  }
}
