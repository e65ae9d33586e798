import { connectAsync, type MqttClient } from 'mqtt';
import { checkVdaMessage, type SchemaVersion } from '../../bench/vda5050/schema-validator.ts';
import type { VdaTopic } from '../../bench/vda5050/vda-messages.ts';

/**
 * Listens to everything the vehicles publish (`<interface>/v2/<manufacturer>/+/+`), checks each
 * message against the official schema, and keeps the newest state per vehicle.
 */
export class MessageTap {
  readonly invalid: string[] = [];
  readonly counts = new Map<string, number>();
  readonly states = new Map<string, Record<string, any>>();
  readonly connections = new Map<string, string>();
  private readonly visualized = new Map<string, Array<{ x: number; y: number }>>();
  private constructor(private readonly client: MqttClient) {}

  static async open(brokerUrl: string, prefix: string, version: SchemaVersion): Promise<MessageTap> {
    const client = await connectAsync(brokerUrl, { clientId: `tap-${process.pid}-${Math.floor(performance.now())}`, reconnectPeriod: 500 });
    const tap = new MessageTap(client);
    client.on('message', (topic, payload) => {
      const parts = topic.split('/');
      const kind = parts[parts.length - 1] as VdaTopic;
      const serial = parts[parts.length - 2]!;
      if (kind === 'order' || kind === 'instantActions') return;
      tap.counts.set(kind, (tap.counts.get(kind) ?? 0) + 1);
      let message: any;
      try {
        message = JSON.parse(payload.toString('utf8'));
      } catch {
        tap.invalid.push(`${topic}: not JSON`);
        return;
      }
      const check = checkVdaMessage(kind, message, version);
      if (!check.ok) tap.invalid.push(`${topic}: ${check.problems.join('; ')}`);
      if (kind === 'state') tap.states.set(serial, message);
      if (kind === 'visualization') tap.positions(serial).push({ x: message.agvPosition.x, y: message.agvPosition.y });
      if (kind === 'connection') tap.connections.set(serial, message.connectionState);
    });
    await client.subscribeAsync(`${prefix}/+/+`, { qos: 1 });
    return tap;
  }

  /** Map-frame positions from a vehicle's visualization messages, in order. */
  positions(serial: string): Array<{ x: number; y: number }> {
    let list = this.visualized.get(serial);
    if (!list) this.visualized.set(serial, (list = []));
    return list;
  }

  get total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  async close(): Promise<void> {
    await this.client.endAsync();
  }
}

/** Resolves when `condition()` holds, polling; rejects with `what` after `limitMs` (generous: CI is loaded). */
export async function waitFor(what: string, condition: () => boolean, limitMs = 90_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > limitMs) throw new Error(`timed out after ${limitMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
