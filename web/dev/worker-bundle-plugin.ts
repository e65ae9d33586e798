/**
 * Under `npm start`: the simulation (`web/worker/sim-worker-api.ts` and all it imports) as one
 * pre-built bundle the worker imports, instead of ≈300 modules it would fetch one import level at
 * a time (the longest wait before the first frame). The worker's entry itself stays a small module
 * vite serves, so it answers heartbeats while a bundle is still being built. The
 * bundle is built with vite itself (the same plugins: `import.meta.glob` controllers, `?url`
 * assets), kept in `node_modules/.vite/testfield-worker/` under a hash of its sources (a warm
 * start reads it back), rebuilt when a new worker starts after a source changed, and served at
 * {@link DEV_WORKER_BASE}.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build, type Plugin, type Rolldown, type ViteDevServer } from 'vite';

/** Where the dev server serves the bundle (`web/worker/sim-worker.ts` imports `sim-worker-api.js` from there). */
export const DEV_WORKER_BASE = '/@testfield-worker/';

/** Folders whose files make up the worker (a change rebuilds it). */
const SOURCE_DIRS = ['sim', 'robots', 'scenarios', 'web/worker', 'web/shared'];

interface BundleFile {
  readonly body: Uint8Array;
  readonly type: string;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

function filesUnder(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(path, out);
    else out.push(path);
  }
  return out;
}

/** Hash of everything the bundle is made of: its sources, the lockfile, vite's config. */
function sourceHash(root: string): string {
  const hash = createHash('sha256');
  const files = [...SOURCE_DIRS.flatMap((d) => filesUnder(resolve(root, d))), resolve(root, 'package-lock.json'), resolve(root, 'vite.config.ts')].sort();
  for (const file of files) {
    if (!existsSync(file)) continue;
    hash.update(relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

async function buildBundle(root: string): Promise<Map<string, BundleFile>> {
  const result = await build({
    configFile: false,
    root: resolve(root, 'web'),
    base: DEV_WORKER_BASE,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      target: 'es2022',
      minify: false,
      sourcemap: false,
      modulePreload: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: { input: { 'sim-worker-api': resolve(root, 'web/worker/sim-worker-api.ts') }, preserveEntrySignatures: 'strict', output: { format: 'es', codeSplitting: false, entryFileNames: '[name].js' } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result as Rolldown.RolldownOutput]).flatMap((r) => r.output);
  const files = new Map<string, BundleFile>();
  for (const o of outputs) {
    const body = o.type === 'chunk' ? new TextEncoder().encode(o.code) : typeof o.source === 'string' ? new TextEncoder().encode(o.source) : o.source;
    const ext = o.fileName.slice(o.fileName.lastIndexOf('.'));
    files.set(o.fileName, { body, type: TYPES[ext] ?? 'application/octet-stream' });
  }
  return files;
}

/** The bundle of the sources whose hash is `key`: read from the cache folder, or built and written there. */
async function cachedBundle(root: string, cacheDir: string, key: string): Promise<Map<string, BundleFile>> {
  const dir = join(cacheDir, key);
  const index = join(dir, 'index.json');
  if (existsSync(index)) {
    const list = JSON.parse(readFileSync(index, 'utf8')) as Array<{ name: string; type: string }>;
    return new Map(list.map((f) => [f.name, { body: readFileSync(join(dir, 'files', encodeURIComponent(f.name))), type: f.type }]));
  }
  const files = await buildBundle(root);
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(join(dir, 'files'), { recursive: true });
  for (const [name, f] of files) writeFileSync(join(dir, 'files', encodeURIComponent(name)), f.body);
  writeFileSync(index, JSON.stringify([...files].map(([name, f]) => ({ name, type: f.type }))));
  return files;
}

/**
 * The dev server's worker bundle: started as the server starts, rebuilt when a worker asks for it
 * after a source changed. `headers` are sent with every file (COOP/COEP, so the worker is
 * cross-origin isolated like the page). Not used by `vite build`.
 */
export function devWorkerBundle(headers: Readonly<Record<string, string>>): Plugin {
  return {
    name: 'testfield-dev-worker-bundle',
    apply: 'serve',
    configureServer(server: ViteDevServer) {
      const root = resolve(server.config.root, '..');
      const cacheDir = resolve(server.config.cacheDir, 'testfield-worker');
      let bundle: { key: string; files: Promise<Map<string, BundleFile>> } | null = null;
      // Each new worker asks for the bundle of the sources as they are now (≈300 files hashed, a few
      // milliseconds): a file changed since the last build, even mid-build, gets a new one.
      const current = () => {
        const key = sourceHash(root);
        if (bundle?.key === key) return bundle.files;
        const files = cachedBundle(root, cacheDir, key);
        const started = { key, files };
        // A failed build is retried on the next request.
        files.catch(() => {
          if (bundle === started) bundle = null;
        });
        bundle = started;
        return files;
      };
      // Built as the server starts (not in vitest's own server, which serves no page: there on the first request).
      if (!process.env.VITEST) void current().catch((error: unknown) => server.config.logger.error(`worker bundle: ${error instanceof Error ? error.message : String(error)}`));
      server.middlewares.use(DEV_WORKER_BASE, (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '/').split('?')[0]!.replace(/^\//, ''));
        // The entry is checked against the sources; its assets come from the bundle it was served with.
        (name === 'sim-worker-api.js' || !bundle ? current() : bundle.files).then(
          (files) => {
            const file = files.get(name);
            if (!file) return next();
            res.setHeader('Content-Type', file.type);
            res.setHeader('Cache-Control', 'no-cache');
            for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
            res.end(file.body);
          },
          (error: unknown) => {
            res.statusCode = 500;
            res.setHeader('Content-Type', 'text/plain');
            res.end(`worker bundle failed: ${error instanceof Error ? error.message : String(error)}`);
          },
        );
      });
    },
  };
}
