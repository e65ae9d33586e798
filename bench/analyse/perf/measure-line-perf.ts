import { hostCatalog } from '../../../robots/index.ts';
import { SimHost } from '../../../sim/index.ts';
import { loadControllerFactory } from '../../run/load-controller.ts';
import { resolveScenario } from '../../run/registry.ts';

/** Speed of a logical production line: at event speed and stepping every tick. */
export interface LinePerfRow {
  scenario: string;
  /** Simulated seconds per wall second at event speed (idle ticks skipped), and stepping every tick. */
  eventSpeedFactor: number;
  tickedFactor: number;
  /** Simulated seconds each measurement covered. */
  eventSimSec: number;
  tickedSimSec: number;
  /** Ticks stepped at event speed, of the ticks covered. */
  steppedTicks: number;
  coveredTicks: number;
  /** Whether the scenario runs at event speed at all (no moving body, every busy kind says when). */
  eventSpeed: boolean;
}

/**
 * Times a line scenario from a fresh episode: `eventSimSec` simulated seconds at event speed and
 * `tickedSimSec` stepping every tick (after one untimed run of each to warm the engine up). Same
 * seed, so both runs simulate the same line.
 */
export async function measureLinePerf(scenario: string, controller: string, eventSimSec = 24 * 3600, tickedSimSec = 600): Promise<LinePerfRow> {
  const spec = resolveScenario(scenario);
  const factory = await loadControllerFactory(controller);
  const host = await SimHost.create(hostCatalog, () => performance.now());
  try {
    const time = (simSec: number, stepEveryTick: boolean) => {
      host.load({ spec, controller: factory(), overrides: { minutes: simSec / 60 }, stepEveryTick });
      const t0 = performance.now();
      host.runToEnd(1e9);
      return { ms: performance.now() - t0, stepped: host.timing.ticks, ticks: host.tick };
    };
    time(Math.min(eventSimSec, 3600), false);
    time(Math.min(tickedSimSec, 60), true);
    const fast = time(eventSimSec, false);
    const ticked = time(tickedSimSec, true);
    return {
      scenario: host.model.id,
      eventSpeedFactor: Math.round(eventSimSec / (fast.ms / 1000)),
      tickedFactor: Math.round(tickedSimSec / (ticked.ms / 1000)),
      eventSimSec,
      tickedSimSec,
      steppedTicks: fast.stepped,
      coveredTicks: fast.ticks,
      eventSpeed: fast.stepped < fast.ticks,
    };
  } finally {
    host.dispose();
  }
}
