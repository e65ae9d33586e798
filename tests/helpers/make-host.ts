import { cellControllers, controllers, defaultCellController, hostCatalog } from '../../robots/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { SimHost, type FleetController, type KindRegistry, type ScenarioOverrides, type ScenarioSpecInput, type SimEvent } from '../../sim/index.ts';

/** A loaded host for a registered scenario (short horizons keep tests fast). */
export async function makeHost(options: {
  scenario?: string;
  spec?: ScenarioSpecInput;
  seed?: number;
  controller?: string | FleetController;
  overrides?: ScenarioOverrides;
  kinds?: KindRegistry;
  /** Step every tick (no event speed for a logical line). */
  stepEveryTick?: boolean;
}): Promise<SimHost> {
  const host = await SimHost.create(hostCatalog);
  const spec = options.spec ?? findScenario(options.scenario ?? 'warehouse/g2p-small');
  if (!spec) throw new Error(`no scenario ${options.scenario}`);
  const controller = typeof options.controller === 'object' ? options.controller : controllers[options.controller ?? 'greedy']!();
  const cell = defaultCellController(spec as { arms?: unknown[] });
  host.load({
    spec,
    controller,
    ...(cell ? { cellController: cellControllers[cell]!() } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.overrides ? { overrides: options.overrides } : {}),
    ...(options.kinds ? { kinds: options.kinds } : {}),
    ...(options.stepEveryTick ? { stepEveryTick: true } : {}),
  });
  return host;
}

/** Advances to the horizon (or `ticks`), collecting every event. */
export function runCollect(host: SimHost, ticks = Infinity): SimEvent[] {
  const events: SimEvent[] = [];
  const end = Math.min(host.model.horizonTicks, host.tick + ticks);
  while (host.tick < end) events.push(...host.advance(Math.min(600, end - host.tick)).events);
  return events;
}

/** A minimal valid scenario around an ASCII layout, for unit tests. */
export function makeSpec(rows: string[], patch: Partial<ScenarioSpecInput> = {}): ScenarioSpecInput {
  return {
    id: 'test/tiny@1',
    title: 'tiny test floor',
    layout: { rows, cellM: 1 },
    fleet: [{ model: 'shelf-lifter', count: 1 }],
    orders: { ratePerHour: 0, skuCount: 4, skusPerLoad: 2, linesPerOrder: { min: 1, max: 1 }, pickSecPerLine: 5 },
    physics: { hz: 30, controlEvery: 3 },
    horizonSec: 120,
    ...patch,
  };
}
