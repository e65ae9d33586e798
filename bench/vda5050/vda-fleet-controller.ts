import type { FleetController, FleetObservation, RobotCommand } from '../../sim/index.ts';
import { createMapFrame, type MapFrame } from './map-frame.ts';
import type { SchemaVersion } from './schema-validator.ts';
import type { IncomingTopic } from './vda-messages.ts';
import { VehicleAgent } from './vehicle-agent.ts';

/** A message waiting for the next control tick. `tag` is the host's arrival time, wall ms. */
export interface InboxMessage {
  robot: number;
  topic: IncomingTopic;
  payload: string;
  tag: number;
}

/** A message as applied: the tick it took effect at, for exact replay. */
export interface AppliedMessage {
  tick: number;
  robot: number;
  topic: IncomingTopic;
  payload: string;
}

/** Who the vehicles are. */
export interface FleetIdentity {
  manufacturer: string;
  /** Serial number of robot `i`. */
  serialNumbers: readonly string[];
  /** Schema version for messages whose own `version` names none we ship. */
  schemaVersion: SchemaVersion;
}

/**
 * The fleet controller of a VDA 5050 session: messages from the broker wait in an inbox and are
 * applied at the next control tick (so the sim stays deterministic), each recorded with that tick;
 * then every vehicle turns its order into robot commands. Given `script` (a recorded session)
 * instead of an inbox, it applies the recorded messages at their ticks: the replay.
 */
export class VdaFleetController implements FleetController {
  readonly name = 'vda5050';
  readonly inbox: InboxMessage[] = [];
  readonly applied: AppliedMessage[] = [];
  /** Messages applied so far (recorded or not). */
  appliedCount = 0;
  agents: VehicleAgent[] = [];
  frame: MapFrame | null = null;
  private readonly script: Map<number, AppliedMessage[]> | null;

  constructor(
    private readonly identity: FleetIdentity,
    private readonly mapId: string,
    script?: readonly AppliedMessage[],
    /** Keep every applied message (the recording); off for long load runs. */
    private readonly record = true,
  ) {
    this.script = script ? groupByTick(script) : null;
  }

  reset(): void {
    this.agents = [];
    this.frame = null;
    this.inbox.length = 0;
    this.applied.length = 0;
    this.appliedCount = 0;
  }

  decide(obs: FleetObservation): readonly RobotCommand[] {
    if (!this.frame) this.start(obs);
    const messages = this.script ? (this.script.get(obs.tick) ?? []).map((m) => ({ ...m, tag: 0 })) : this.inbox.splice(0);
    for (const m of messages) {
      const agent = this.agents[m.robot];
      if (!agent) continue;
      if (this.record) this.applied.push({ tick: obs.tick, robot: m.robot, topic: m.topic, payload: m.payload });
      this.appliedCount += 1;
      agent.apply(m.topic, m.payload, obs, m.tag);
    }
    const commands: RobotCommand[] = [];
    for (const agent of this.agents) {
      const c = agent.step(obs.robots[agent.robot]!, obs);
      if (c) commands.push(c);
    }
    return commands;
  }

  private start(obs: FleetObservation): void {
    this.frame = createMapFrame(this.mapId, obs.roadmap, obs.grid);
    const { manufacturer, serialNumbers, schemaVersion } = this.identity;
    this.agents = obs.robots.map((r) => new VehicleAgent(r.id, manufacturer, serialNumbers[r.id] ?? `robot-${r.id}`, this.frame!, schemaVersion, r));
  }
}

function groupByTick(messages: readonly AppliedMessage[]): Map<number, AppliedMessage[]> {
  const out = new Map<number, AppliedMessage[]>();
  for (const m of messages) {
    const list = out.get(m.tick) ?? [];
    list.push(m);
    out.set(m.tick, list);
  }
  return out;
}
