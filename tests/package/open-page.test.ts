import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../bench/run/browser/browser-harness.ts';
import { TEST_HOOKS_ENV } from '../../bench/cli/open/test-hooks-mode.ts';
import { encodeReplay } from '../../sim/index.ts';
import { recordScenario } from '../../bench/run/run-scenario.ts';
import createWorseController from '../fixtures/worse-controller.ts';
import { makeHost, runCollect } from '../helpers/make-host.ts';

/** The package's `testfield` command, run as a user's `npx testfield` would run it. */
const BIN = fileURLToPath(new URL('../../bench/cli/testfield.mjs', import.meta.url));
/** Ticks the page and Node both run before their hashes and KPIs are compared (30 simulated seconds). */
const TICKS = 900;

/** The controller a user keeps in their own folder: the SDK by the package's name, a helper of their own beside it. */
const HELPER = `import type { FleetObservation } from 'testfield';

/** Only the even-numbered robots: the odd ones are left to idle. */
export function evenRobotsOnly(observation: FleetObservation): FleetObservation {
  return { ...observation, robots: observation.robots.filter((r) => r.id % 2 === 0) };
}
`;
const CONTROLLER = `import { createGreedyController, type FleetController } from 'testfield';
import { evenRobotsOnly } from './even-robots.ts';

export default function createHalfIdle(): FleetController {
  const greedy = createGreedyController();
  return { name: 'folder-half-idle', decide: (observation) => greedy.decide(evenRobotsOnly(observation)) };
}
`;

let work: string;
let browser: Browser;
const servers: ChildProcess[] = [];

/** Starts `testfield <args>` in `cwd` and resolves with the URL it prints. */
function startServing(args: string[], cwd: string): Promise<string> {
  // The page with its test handles (`window.__testfield`), which the product page leaves out.
  const child = spawn(process.execPath, [BIN, ...args, '--port', '0'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, [TEST_HOOKS_ENV]: '1' },
  });
  servers.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Testfield is open at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`testfield ${args.join(' ')} exited (${code}) before printing its URL:\n${out}`)));
  });
}

async function openPage(url: string, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(url);
  return page;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'testfield-open-'));
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  for (const child of servers) child.kill();
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('testfield open --controllers DIR', () => {
  it('lists a controller from a folder outside the package and runs it: same state hash and KPIs as headless', async () => {
    const dir = join(work, 'my-controllers');
    mkdirSync(dir);
    writeFileSync(join(dir, 'half-idle.ts'), CONTROLLER);
    writeFileSync(join(dir, 'even-robots.ts'), HELPER);
    const url = await startServing(['open', '--controllers', dir], work);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const errors: string[] = [];
    const page = await openPage(`${url}?scenario=warehouse/g2p-small&controller=half-idle&seed=7&paused=1`, errors);
    await page.waitForFunction(() => window.__testfield !== undefined && window.__testfield.episode() > 0, undefined, { timeout: 120_000 });
    const options = await page.$$eval('#controller option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(expect.arrayContaining(['half-idle', 'greedy', 'reserve']));
    // The helper has no default factory: it is not a controller.
    expect(options).not.toContain('even-robots');
    expect(await page.$eval('#controller', (s) => (s as HTMLSelectElement).value)).toBe('half-idle');

    expect(await page.evaluate((n) => window.__testfield!.advance(n), TICKS)).toBe(TICKS);
    await page.waitForFunction((sec) => (window.__testfield!.shownKpis()?.simulatedSec ?? 0) >= sec, TICKS / 30, { timeout: 60_000 });
    const pageHash = await page.evaluate(() => window.__testfield!.hash());
    const shown = await page.evaluate(() => window.__testfield!.shownKpis());

    const host = await makeHost({ scenario: 'warehouse/g2p-small', controller: createWorseController(), seed: 7 });
    runCollect(host, TICKS);
    expect(pageHash).toBe(host.hash());
    // Not what greedy alone does: the folder's controller is the one that ran.
    const greedy = await makeHost({ scenario: 'warehouse/g2p-small', controller: 'greedy', seed: 7 });
    runCollect(greedy, TICKS);
    expect(pageHash).not.toBe(greedy.hash());
    expect(shown!.simulatedSec).toBe(TICKS / 30);
    expect(shown).toEqual(host.kpis());
    host.dispose();
    greedy.dispose();

    // Hot reload: a file added to the folder while the page is open reaches the picker without a restart.
    writeFileSync(
      join(dir, 'added-later.ts'),
      `import { createReserveController } from 'testfield';\nexport default () => ({ ...createReserveController(), name: 'added-later' });\n`,
    );
    await page.waitForFunction(
      () => [...(document.getElementById('controller') as HTMLSelectElement).options].some((o) => o.value === 'added-later'),
      undefined,
      { timeout: 60_000 },
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('testfield replay FILE --open: the page opens the replay in one step', async () => {
    const { result, replay } = await recordScenario({ scenario: 'warehouse/g2p-small', controller: 'greedy', seed: 3, overrides: { minutes: 0.5 } });
    const file = join(work, 'failed group.tfr');
    writeFileSync(file, encodeReplay(replay));
    const url = await startServing(['replay', file, '--open'], work);
    expect(url).toContain('replay=');
    const errors: string[] = [];
    const page = await openPage(url, errors);
    await page.waitForSelector('#replay-bar:not([hidden])', { timeout: 120_000 });
    expect(await page.evaluate(() => window.__testfield!.replayEndTick())).toBe(result.ticks);
    expect(await page.textContent('#banner')).toContain('Replay failed group.tfr: warehouse/g2p-small');
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
