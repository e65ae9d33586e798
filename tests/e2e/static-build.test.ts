import { readFileSync, mkdtempSync, rmSync, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../bench/run/browser/browser-harness.ts';
import { TEST_HOOKS_MODE } from '../../bench/cli/open/test-hooks-mode.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** A plain static file server: no COOP/COEP headers, like a bucket or GitHub Pages. */
function serveStatic(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
    }),
  );
}

describe('the static build (npm run build) without cross-origin isolation headers', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'testfield-static-'));
  let served: { server: Server; url: string };

  beforeAll(async () => {
    await build({ configFile: 'vite.config.ts', mode: TEST_HOOKS_MODE, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    served = await serveStatic(outDir);
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => served.server.close(() => resolve()));
    rmSync(outDir, { recursive: true, force: true });
  });

  it('runs the default scenario with transferred frames', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 960, height: 600 } });
      const errors: string[] = [];
      page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(served.url);
      expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(false);
      await page.waitForFunction(() => window.__testfield !== undefined && window.__testfield.episode() > 0, undefined, { timeout: 60_000 });
      const t0 = await page.evaluate(() => window.__testfield!.tick());
      await page.waitForFunction((t) => window.__testfield!.tick() > t + 30, t0, { timeout: 60_000 });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
