import type { z } from 'zod';
import type { ScenarioSpecCore } from '../schema/scenario-spec.ts';
import type { fleetSpecSchema } from './robot/index.ts';
import type { RobotStallEvent } from './robot/index.ts';
import type { ordersSpecSchema } from './station/index.ts';

/** A scripted event as authored: `atSec`, its `kind` and the handler's fields. */
export type ScriptedEventSpec = RobotStallEvent | ({ atSec: number; kind: string } & Record<string, unknown>);

/**
 * An authored scenario with defaults filled in: the core fields, the built-in kinds' sections
 * (`fleet` for robots, `orders` for stations) and any other kind's section by its key.
 */
export type ScenarioSpec = Omit<ScenarioSpecCore, 'events'> & {
  fleet: z.output<typeof fleetSpecSchema>;
  orders: z.output<typeof ordersSpecSchema>;
  events: ScriptedEventSpec[];
  [section: string]: unknown;
};

/** An authored scenario as written in a file: defaults may be left out. */
export type ScenarioSpecInput = {
  $schema?: string;
  id: string;
  title: string;
  description?: string;
  stresses?: string;
  layout: { rows: string[]; cellM: number };
  physics?: { hz: number; controlEvery: number };
  horizonSec: number;
  seed?: number;
  /** Required unless the scenario has a production `line`. */
  fleet?: z.input<typeof fleetSpecSchema>;
  /** Required unless the scenario has a production `line`. */
  orders?: z.input<typeof ordersSpecSchema>;
  events?: Array<{ atSec: number; kind: string } & Record<string, unknown>>;
  [section: string]: unknown;
};
