import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../bench/run/browser/browser-harness.ts';
import { TEST_HOOKS_MODE } from '../../bench/cli/open/test-hooks-mode.ts';

const NAME = `hot-added-${process.pid}`;
const FILE = fileURLToPath(new URL(`../../robots/controllers/${NAME}.ts`, import.meta.url));
const SOURCE = `import { createGreedyController } from '../index.ts';
import type { FleetController } from '../../sim/index.ts';

/** Added by tests/e2e/controller-hot-reload.test.ts while the dev server runs; removed after. */
export default function create(): FleetController {
  return { ...createGreedyController(), name: '${NAME}' };
}
`;

const BROKEN = `broken-${process.pid}`;
const BROKEN_FILE = fileURLToPath(new URL(`../../robots/controllers/${BROKEN}.ts`, import.meta.url));
const BROKEN_SOURCE = `import { nothing } from './no-such-module.ts';
export default () => nothing;
`;

let server: ViteDevServer;
let browser: Browser;

beforeAll(async () => {
  server = await createServer({
    configFile: 'vite.config.ts',
    mode: TEST_HOOKS_MODE,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  rmSync(FILE, { force: true });
  rmSync(BROKEN_FILE, { force: true });
  await browser?.close();
  await server?.close();
});

describe('npm start (vite dev server)', () => {
  it('a controller file added while it runs appears in the picker and runs, without a restart', async () => {
    const address = server.httpServer!.address();
    if (!address || typeof address === 'string') throw new Error('dev server has no port');
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${address.port}/?paused=1`);
    const options = () => page.evaluate(() => [...(document.getElementById('controller') as HTMLSelectElement).options].map((o) => o.value));
    await page.waitForFunction(() => (document.getElementById('controller') as HTMLSelectElement).options.length > 0, undefined, { timeout: 90_000 });
    expect(await options()).not.toContain(NAME);
    writeFileSync(FILE, SOURCE);
    await page.waitForFunction((name) => [...(document.getElementById('controller') as HTMLSelectElement).options].some((o) => o.value === name), NAME, {
      timeout: 60_000,
    });
    expect(await options()).toContain(NAME);
    // Pick it: the fresh worker runs it.
    await page.waitForFunction(() => window.__testfield !== undefined && window.__testfield.episode() > 0, undefined, { timeout: 60_000 });
    const before = await page.evaluate(() => window.__testfield!.episode());
    await page.selectOption('#controller', NAME);
    // A paused page is at tick 0 already: wait for the new episode, not just tick 0.
    await page.waitForFunction((e) => window.__testfield!.episode() !== e && window.__testfield!.tick() === 0, before, { timeout: 60_000 });
    // The watcher may report the new file more than once (add, then change), and each report starts a fresh
    // worker and reloads: step until a step lands in an episode that stays, then check what it runs.
    await page.waitForFunction(async () => (await window.__testfield!.advance(30)) >= 30, undefined, { timeout: 60_000, polling: 500 });
    expect(await page.evaluate(() => (document.getElementById('controller') as HTMLSelectElement).value)).toBe(NAME);
    await page.close();
  });

  it('a controller file whose import does not resolve is listed disabled with its error; every other controller and scenario works', async () => {
    writeFileSync(BROKEN_FILE, BROKEN_SOURCE);
    const address = server.httpServer!.address();
    if (!address || typeof address === 'string') throw new Error('dev server has no port');
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${address.port}/?paused=1&controller=greedy`);
    await page.waitForFunction(
      (name) => [...(document.getElementById('controller') as HTMLSelectElement).options].some((o) => o.dataset.broken === name),
      BROKEN,
      { timeout: 90_000 },
    );
    const broken = await page.evaluate((name) => {
      const option = [...(document.getElementById('controller') as HTMLSelectElement).options].find((o) => o.dataset.broken === name)!;
      return { disabled: option.disabled, text: option.text };
    }, BROKEN);
    expect(broken.disabled).toBe(true);
    expect(broken.text).toMatch(new RegExp(`^${BROKEN} — failed to load: .+`));
    await page.waitForFunction(() => window.__testfield !== undefined && window.__testfield.episode() > 0, undefined, { timeout: 60_000 });
    await page.waitForFunction(async () => (await window.__testfield!.advance(30)) >= 30, undefined, { timeout: 60_000, polling: 500 });
    const sortation = await page.evaluate(() => window.__testfield!.loadWith('warehouse/sortation', 'reserve', { minutes: 1 }));
    expect(sortation.ok).toBe(true);
    expect(await page.evaluate(() => window.__testfield!.advance(30))).toBeGreaterThanOrEqual(30);
    await page.close();
  });
});
