/**
 * Drives the browser test field from Node: builds `web/` with vite, serves the build with
 * `vite preview` (cross-origin isolated) and launches Debian's headless Chromium. Used by the
 * end-to-end tests and by `bench/run/browser-frame-time.ts`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { TEST_HOOKS_MODE } from '../../cli/open/test-hooks-mode.ts';

/** Chromium flags for headless CI: software WebGL (SwiftShader), no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where Chromium lives (CI installs the Debian package). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A built test field served by `vite preview` on a free port of 127.0.0.1, and a headless browser. */
export interface Harness {
  url: string;
  browser: Browser;
  /**
   * Writes a file beside the app (`relativePath` under the served root, e.g. `scenarios/a.json`)
   * and returns its URL path relative to the page (`./scenarios/a.json`).
   */
  serveFile(relativePath: string, content: string): string;
  close(): Promise<void>;
}

/** Builds the app into a temporary folder, serves it (with COOP/COEP) and launches Chromium. */
export async function startHarness(): Promise<Harness> {
  const outDir = mkdtempSync(join(tmpdir(), 'testfield-web-'));
  // With the tests' handles (`window.__testfield`, the `test/…` controllers, crash and hang).
  await build({ configFile: 'vite.config.ts', mode: TEST_HOOKS_MODE, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  return {
    url: `http://127.0.0.1:${address.port}/`,
    browser,
    serveFile(relativePath, content) {
      const file = resolve(outDir, relativePath);
      const inside = relative(outDir, file);
      if (inside.startsWith('..') || inside === '') throw new Error(`serveFile: ${relativePath} is outside the served folder`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      return `./${inside.split('\\').join('/')}`;
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** What {@link openPage} waits for: a running episode, or an error in the banner (a refused start). */
export type PageReady = 'episode' | 'error-banner';

/** Opens the page and collects console errors and page errors into `errors`. */
export async function openPage(
  harness: Harness,
  query: string,
  errors: string[],
  viewport = { width: 1280, height: 800 },
  ready: PageReady = 'episode',
): Promise<Page> {
  const page = await harness.browser.newPage({ viewport });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(harness.url + query);
  if (ready === 'error-banner') await page.waitForSelector('#banner[data-kind="error"]', { timeout: 60_000 });
  else
    await page.waitForFunction(() => window.__testfield !== undefined && window.__testfield.episode() > 0 && window.__testfield.tick() >= 0, undefined, {
      timeout: 60_000,
    });
  return page;
}
