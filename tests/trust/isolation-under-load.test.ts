import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBench, tempDir } from '../bench/bench-process.ts';
import { startCpuBurners } from '../helpers/cpu-burners.ts';

const dir = tempDir('isolation-load');
const RUNS = 5;
const base = ['run', 'warehouse/g2p-small', '--seed', '7', '--minutes', '2'];

interface RunJson {
  hash: string;
  isolated: boolean;
  kpis: unknown;
  failures: { controllerFailed: { count: number } };
}

async function runTo(name: string, args: string[]): Promise<RunJson> {
  const file = join(dir, `${name}.json`);
  const out = await runBench([...base, ...args, '--json', file]);
  expect(out.code, `${name}: ${out.stderr}`).toBe(0);
  return JSON.parse(readFileSync(file, 'utf8')) as RunJson;
}

describe('isolated controllers on a saturated machine', () => {
  const burners = startCpuBurners(2);
  afterAll(() => burners.stop());

  it.each([
    ['a module file controller', './tests/fixtures/station-balancing-controller.ts'],
    ['pibt, isolated by --isolation worker', 'pibt'],
  ])(
    '%s: five isolated runs in parallel under 2× cores of CPU burners equal the in-thread run',
    async (label, controller) => {
      const key = controller.replace(/\W+/g, '-');
      const reference = await runTo(`${key}-thread`, ['--controller', controller, '--isolation', 'thread']);
      const isolated = await Promise.all(
        Array.from({ length: RUNS }, (_, i) => runTo(`${key}-worker-${i}`, ['--controller', controller, '--isolation', 'worker'])),
      );
      expect(reference.isolated).toBe(false);
      for (const [i, run] of isolated.entries()) {
        expect(run.isolated, `${label} run ${i}`).toBe(true);
        expect(run.failures.controllerFailed.count, `${label} run ${i}`).toBe(0);
        expect(run.hash, `${label} run ${i}`).toBe(reference.hash);
        expect(run.kpis, `${label} run ${i}`).toEqual(reference.kpis);
      }
    },
    600_000,
  );
});
