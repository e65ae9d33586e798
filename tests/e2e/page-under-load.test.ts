import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, type Harness } from '../../bench/run/browser/browser-harness.ts';
import { scenarioNames } from '../../scenarios/index.ts';
import { startCpuBurners, type CpuBurners } from '../helpers/cpu-burners.ts';

let harness: Harness;
let burners: CpuBurners;

beforeAll(async () => {
  harness = await startHarness();
  burners = startCpuBurners(2);
}, 120_000);

afterAll(async () => {
  burners?.stop();
  await harness?.close();
});

describe('the page on a saturated machine', () => {
  it('loads every registered scenario and runs its first ticks without a false "did not answer" (2x cores of CPU burners)', async () => {
    const errors: string[] = [];
    const page = await openPage(harness, '?controller=greedy', errors);
    for (const id of scenarioNames()) {
      const outcome = await page.evaluate((scenario) => window.__testfield!.loadWith(scenario, 'greedy', { minutes: 1 }), id);
      expect(outcome.ok, `${id}: ${JSON.stringify(outcome)}`).toBe(true);
      const tick = await page.evaluate(() => window.__testfield!.advance(60));
      expect(tick, `${id}: ticks run`).toBeGreaterThanOrEqual(60);
      expect(await page.isHidden('#banner'), `${id}: ${(await page.textContent('#banner')) ?? ''}`).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);
});
