import { robotModels } from '../../robots/index.ts';
import { SimHost } from '../../sim/index.ts';
import { loadControllerFactory } from '../load-controller.ts';
import { errorRecord, type RunJob, type RunRecord } from './run-job.ts';

/**
 * Runs one job to its horizon in this thread, the same way `runScenario` does, but with a
 * controller given by registry name or module path. Never throws: a failure becomes an error
 * record carrying its message.
 */
export async function executeRun(job: RunJob): Promise<RunRecord> {
  const started = performance.now();
  let host: SimHost | undefined;
  try {
    const factory = await loadControllerFactory(job.controller);
    host = await SimHost.create(robotModels, () => performance.now());
    host.load({ spec: job.spec, controller: factory(), seed: job.seed, overrides: job.overrides });
    host.runToEnd();
    const t = host.timing;
    const ticks = Math.max(1, t.ticks);
    const wallSec = t.totalMs / 1000;
    const simulatedSec = host.tick / host.model.hz;
    return {
      key: job.key,
      group: job.group,
      scenario: host.model.id,
      label: job.label,
      controller: job.controller,
      seed: job.seed,
      overrides: job.overrides,
      ...(job.params ? { params: job.params } : {}),
      status: 'ok',
      robots: host.model.robots.length,
      ticks: host.tick,
      simulatedSec,
      hash: host.hash(),
      kpis: host.kpis(),
      wallSec: round(wallSec, 3),
      realTimeFactor: round(simulatedSec / Math.max(wallSec, 1e-9), 1),
      timing: {
        tickMs: round(t.totalMs / ticks, 4),
        physicsMs: round(t.physicsMs / ticks, 4),
        controllerMs: round(t.controllerMs / ticks, 4),
        otherMs: round((t.totalMs - t.physicsMs - t.controllerMs) / ticks, 4),
      },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return errorRecord(job, message, round((performance.now() - started) / 1000, 3));
  } finally {
    host?.dispose();
  }
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
