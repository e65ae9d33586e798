import { connectAsync, type MqttClient } from 'mqtt';
import { createRootRng, DIR_COL, DIR_ROW, type SimModel } from '../../sim/index.ts';
import { mapFrameOf } from './export-map.ts';
import { nodeIdOf, roadNodeOfId, straightRun, type MapFrame } from './map-frame.ts';

/** What the load generator did. */
export interface LoadReport {
  ordersSent: number;
  statesSeen: number;
}

/**
 * A deliberately simple fleet manager for load measurements: over its own MQTT connection it
 * gives every idle vehicle a new order, a straight run of 1–6 cells in a random direction from
 * where it stands (seeded), as soon as the vehicle's state shows the last one done. No traffic
 * control: the safety fields stop what would collide.
 */
export class LoadFleetManager {
  readonly report: LoadReport = { ordersSent: 0, statesSeen: 0 };
  private readonly waiting = new Map<string, string>();
  /** Nodes each vehicle holds: where it stands, plus its current run. */
  private readonly held = new Map<string, number[]>();
  private readonly holder = new Map<number, string>();
  private readonly rng;
  private readonly frame: MapFrame;

  private constructor(
    private readonly client: MqttClient,
    model: SimModel,
    private readonly prefix: string,
    private readonly version: string,
    private readonly manufacturer: string,
    seed: number,
  ) {
    this.frame = mapFrameOf(model);
    this.rng = createRootRng(seed);
  }

  /** Connects and starts ordering: `prefix` is `<interfaceName>/<majorVersion>/<manufacturer>`. */
  static async start(brokerUrl: string, model: SimModel, prefix: string, version: string, manufacturer: string, seed = 1): Promise<LoadFleetManager> {
    const client = await connectAsync(brokerUrl, { clientId: `testfield-load-fm-${process.pid}` });
    const fm = new LoadFleetManager(client, model, prefix, version, manufacturer, seed);
    client.on('message', (topic, payload) => fm.onState(topic, payload.toString('utf8')));
    await client.subscribeAsync(`${prefix}/+/state`, { qos: 0 });
    return fm;
  }

  private onState(topic: string, text: string): void {
    this.report.statesSeen += 1;
    const serial = topic.split('/').at(-2)!;
    const s = JSON.parse(text) as { orderId: string; nodeStates: unknown[]; actionStates: unknown[]; lastNodeId: string; driving: boolean };
    const sent = this.waiting.get(serial);
    if (sent !== undefined && (s.orderId !== sent || s.nodeStates.length > 0)) return;
    const from = roadNodeOfId(this.frame, s.lastNodeId);
    if (from < 0) return;
    this.hold(serial, [from]);
    const run = this.randomRun(from, serial);
    if (!run) return;
    const to = run[run.length - 1]!;
    this.hold(serial, [from, ...run]);
    const orderId = `load-${serial}-${this.report.ordersSent}`;
    this.waiting.set(serial, orderId);
    this.report.ordersSent += 1;
    const order = {
      headerId: this.report.ordersSent,
      timestamp: new Date().toISOString(),
      version: this.version,
      manufacturer: this.manufacturer,
      serialNumber: serial,
      orderId,
      orderUpdateId: 0,
      nodes: [
        { nodeId: nodeIdOf(from), sequenceId: 0, released: true, actions: [] },
        { nodeId: nodeIdOf(to), sequenceId: 2, released: true, actions: [] },
      ],
      edges: [{ edgeId: `${orderId}-e`, sequenceId: 1, released: true, startNodeId: nodeIdOf(from), endNodeId: nodeIdOf(to), actions: [] }],
    };
    this.client.publish(`${this.prefix}/${serial}/order`, JSON.stringify(order), { qos: 0 });
  }

  private hold(serial: string, nodes: number[]): void {
    for (const n of this.held.get(serial) ?? []) if (this.holder.get(n) === serial) this.holder.delete(n);
    this.held.set(serial, nodes);
    for (const n of nodes) this.holder.set(n, serial);
  }

  /** A straight run of 1–6 cells from `from` in a random direction through nodes no other vehicle holds, or null. */
  private randomRun(from: number, serial: string): number[] | null {
    const map = this.frame.roadmap;
    const cell = map.nodeCell[from]!;
    const row = Math.floor(cell / this.frame.cols);
    const col = cell - row * this.frame.cols;
    for (let attempt = 0; attempt < 8; attempt++) {
      const dir = Math.floor(this.rng.next() * 4);
      const len = 1 + Math.floor(this.rng.next() * 6);
      const r = row + DIR_ROW[dir]! * len;
      const c = col + DIR_COL[dir]! * len;
      if (r < 0 || c < 0 || r >= this.frame.rows || c >= this.frame.cols) continue;
      const to = map.cellNode[r * this.frame.cols + c]!;
      const run = to >= 0 ? straightRun(this.frame, from, to) : null;
      if (run?.every((n) => (this.holder.get(n) ?? serial) === serial)) return run;
    }
    return null;
  }

  async stop(): Promise<void> {
    await this.client.endAsync();
  }
}
