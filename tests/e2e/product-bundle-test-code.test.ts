/**
 * Test code stays out of the product: `npm run build` neither contains nor loads the end-to-end
 * tests' handles (`web/test-hook.ts`, `web/worker/test-controllers.ts`, the worker's crash and
 * hang calls in `web/worker/test-worker-hooks.ts`); the build in the test-hooks mode that the
 * tests drive has all of them (so the check below can see them where they are).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_HOOKS_MODE } from '../../bench/cli/open/test-hooks-mode.ts';

/** Text only the test code carries (minified or not): the crash message, a test controller's name, the page handle's name (not the editor's `__testfieldEditor` nor the heartbeat key). */
const TEST_MARKS = [/deliberate worker crash/, /test\/spinning/, /__testfield(?!Editor|Heartbeat)/];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Every emitted file's text (chunks, and the workers, which a build emits as assets) and the modules bundled into chunks. */
async function buildIn(mode: string | undefined): Promise<{ files: Map<string, string>; modules: string[] }> {
  const outDir = mkdtempSync(join(tmpdir(), 'testfield-product-'));
  dirs.push(outDir);
  const result = await build({ configFile: 'vite.config.ts', logLevel: 'silent', ...(mode ? { mode } : {}), build: { outDir, emptyOutDir: true } });
  const output = (Array.isArray(result) ? result : [result as Rolldown.RolldownOutput]).flatMap((r) => r.output);
  const files = new Map<string, string>();
  const modules: string[] = [];
  for (const o of output) {
    if (o.type === 'chunk') {
      files.set(o.fileName, o.code);
      modules.push(...Object.keys(o.modules));
    } else if (o.fileName.endsWith('.js')) files.set(o.fileName, String(o.source));
  }
  return { files, modules };
}

const carrying = (files: Map<string, string>, mark: RegExp) => [...files].filter(([, code]) => mark.test(code)).map(([name]) => name);

describe('test code in the product bundle', () => {
  it('npm run build has none of it; the test-hooks build has all of it', async () => {
    const product = await buildIn(undefined);
    expect(product.modules.filter((m) => /web\/(test-hook|worker\/test-)/.test(m))).toEqual([]);
    for (const mark of TEST_MARKS) expect(carrying(product.files, mark), String(mark)).toEqual([]);

    const tested = await buildIn(TEST_HOOKS_MODE);
    expect(tested.modules.some((m) => m.endsWith('web/test-hook.ts'))).toBe(true);
    for (const mark of TEST_MARKS) expect(carrying(tested.files, mark).length, String(mark)).toBeGreaterThan(0);
    // The worker (emitted whole, as its own file) carries the test controllers and the crash call.
    expect(carrying(tested.files, /test\/spinning/).some((f) => /sim-worker-.*\.js$/.test(f))).toBe(true);
  });
});
