/**
 * The page's main bundle (the entry chunk and the page chunk it loads) carries no physics: Rapier
 * (its JS and its WebAssembly, inlined as base64) is reached only from the simulation worker's chunk. Builds the app as `npm run build`
 * does, into a temporary folder, and reads the build's own record of which modules went where.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Base64 of the first bytes of every WebAssembly module (`\0asm`): an inlined .wasm starts with it. */
const WASM_BASE64_MAGIC = 'AGFzbQ';
/** Rapier's wasm-bindgen glue names its module so (plain text about Rapier, e.g. an error message, does not count). */
const RAPIER_GLUE = 'rapier_wasm3d';
/** Generous ceiling on the main chunks, bytes: Rapier's inlined module alone is over 4 MB. */
const MAIN_BUDGET_BYTES = 1_500_000;

type Output = Rolldown.RolldownOutput['output'][number];

describe('the main bundle', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'testfield-bundle-'));
  let output: Output[];

  beforeAll(async () => {
    const result = await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    output = (Array.isArray(result) ? result : [result as Rolldown.RolldownOutput]).flatMap((r) => r.output);
  });

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  /** The entry chunk of index.html and every chunk it imports, statically or dynamically: all the main thread loads. */
  function mainChunks(): Rolldown.OutputChunk[] {
    const chunks = new Map(output.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk').map((c) => [c.fileName, c]));
    const entry = [...chunks.values()].find((c) => c.isEntry);
    expect(entry, 'an entry chunk').toBeDefined();
    const seen = new Map<string, Rolldown.OutputChunk>();
    const visit = (c: Rolldown.OutputChunk) => {
      if (seen.has(c.fileName)) return;
      seen.set(c.fileName, c);
      for (const f of [...c.imports, ...c.dynamicImports]) if (chunks.has(f)) visit(chunks.get(f)!);
    };
    visit(entry!);
    return [...seen.values()];
  }

  it('has no Rapier module, no inlined WebAssembly and no physics code; the worker has them', () => {
    const main = mainChunks();
    const modules = main.flatMap((c) => Object.keys(c.modules));
    expect(modules.some((m) => m.includes('web/app.ts'))).toBe(true);
    expect(modules.filter((m) => /rapier/i.test(m) || /\/sim\/(physics|step|compile)\//.test(m))).toEqual([]);
    for (const c of main) {
      expect(c.code.includes(WASM_BASE64_MAGIC), `${c.fileName} inlines WebAssembly`).toBe(false);
      expect(c.code.includes(RAPIER_GLUE), `${c.fileName} carries Rapier's glue code`).toBe(false);
      expect(c.code.includes('.wasm'), `${c.fileName} refers to a .wasm file`).toBe(false);
    }
    // The check can see Rapier where it is: the worker is emitted as its own file and inlines the module.
    const worker = output.find((o) => o.type === 'asset' && /sim-worker-.*\.js$/.test(o.fileName));
    expect(worker, 'the worker chunk').toBeDefined();
    const workerCode = String((worker as Rolldown.OutputAsset).source);
    expect(workerCode.includes(WASM_BASE64_MAGIC)).toBe(true);
    expect(workerCode.includes(RAPIER_GLUE)).toBe(true);
  });

  it('stays small, and reports its size', () => {
    const main = mainChunks();
    const bytes = main.reduce((n, c) => n + Buffer.byteLength(c.code), 0);
    const worker = output.find((o) => o.type === 'asset' && /sim-worker-.*\.js$/.test(o.fileName)) as Rolldown.OutputAsset;
    console.log(
      `main bundle: ${main.map((c) => c.fileName).join(', ')} ${(bytes / 1000).toFixed(1)} kB (worker ${(Buffer.byteLength(worker.source) / 1000).toFixed(1)} kB)`,
    );
    expect(bytes).toBeLessThan(MAIN_BUDGET_BYTES);
  });
});
