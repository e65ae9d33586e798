/**
 * `npm start`'s dev server serves the simulation worker's core as one bundled chunk
 * (bench/cli/open/worker-core-plugin.ts) while the worker's entry, the controller catalogue and the
 * controller modules stay source, lazily imported, and take the SDK and package modules from the
 * bundle. Checked on the modules the dev server makes (no browser): what each imports.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let server: ViteDevServer;

/** A module's code as the dev server serves it (`/@id/__x00__…` is how a browser asks for a virtual module). */
async function served(url: string): Promise<string> {
  const result = await server.environments.client.transformRequest(url.replace(/^\/@id\/__x00__/, '\0'));
  expect(result, url).not.toBeNull();
  return result!.code;
}

/** The import specifiers of a module as the dev server serves it. */
async function importsOf(url: string): Promise<string[]> {
  const result = { code: await served(url) };
  return [...result.code.matchAll(/(?:import|export)\s*(?:[^'"]*?from\s*)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

beforeAll(async () => {
  // The plugin is off in the test runner's own mode (`test`): a server in npm start's mode.
  server = await createServer({
    configFile: 'vite.config.ts',
    mode: 'development',
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
});

afterAll(async () => {
  await server?.close();
});

describe('npm start: the worker core bundle', () => {
  it('the worker entry imports the bundled core; the core holds the simulation and leaves the catalogue as source', async () => {
    const entry = await importsOf('/worker/sim-worker.ts?worker_file&type=module');
    const coreUrl = entry.find((s) => s.includes('testfield-core') && s.includes('core.js'));
    expect(coreUrl, entry.join('\n')).toBeDefined();
    // Its small imports stay source: it answers and beats its heartbeat while the core loads.
    expect(entry.some((s) => s.endsWith('/shared/protocol.ts'))).toBe(true);

    const facade = await importsOf(coreUrl!);
    const chunkUrl = facade.find((s) => /worker-core-.*\.js$/.test(s));
    expect(chunkUrl, facade.join('\n')).toBeDefined();
    const chunk = await served(chunkUrl!);
    // The simulation (SimHost, the physics) is inside the chunk, not imported module by module.
    expect(chunk).toMatch(/class SimHost\b/);
    const chunkImports = await importsOf(chunkUrl!);
    expect(chunkImports.filter((s) => /\/(sim|scenarios)\/.*\.ts$/.test(s))).toEqual([]);
    // Rapier is vite's pre-bundled dependency; the catalogue is a source module of its own (hot reloaded).
    expect(chunkImports.some((s) => s.includes('.vite/deps/') && s.includes('rapier'))).toBe(true);
    expect(chunkImports.some((s) => s.endsWith('/worker/controller-catalog.ts'))).toBe(true);
  });

  it('a repo controller stays source and takes the fleet SDK from the bundle', async () => {
    const imports = await importsOf(`/@fs${ROOT}robots/controllers/greedy.ts`);
    expect(imports.filter((s) => s.includes('/robots/fleet/'))).toEqual([]);
    expect(imports.some((s) => s.includes('testfield-core') && s.includes('robots_fleet_compose-fleet-controller'))).toBe(true);
  });

  it('an edit to a bundled module rebuilds the core: the chunk then carries the edit', async () => {
    // A worker-only module of the core (a comment: nothing changes but the text).
    const file = `${ROOT}web/worker/scene-info.ts`;
    const before = readFileSync(file, 'utf8');
    // A doc comment on a function the core uses is kept in the bundle (a loose trailing comment would be dropped).
    const mark = `edited by worker-core-dev-server.test ${process.pid}`;
    const reloaded = new Promise<void>((resolve) => {
      const hot = server.environments.client.hot;
      const listen = hot.send.bind(hot);
      hot.send = ((payload: { type?: string }) => {
        if (payload?.type === 'full-reload') resolve();
        return listen(payload as never);
      }) as typeof hot.send;
    });
    try {
      expect(before).toContain('export function sceneFromModel(');
      writeFileSync(file, before.replace('export function sceneFromModel(', `/** ${mark} */\nexport function sceneFromModel(`));
      await reloaded;
      const entry = await importsOf('/worker/sim-worker.ts?worker_file&type=module');
      const facade = await importsOf(entry.find((s) => s.includes('testfield-core') && s.includes('core.js'))!);
      const chunk = await served(facade.find((s) => /worker-core-.*\.js$/.test(s))!);
      expect(chunk).toContain(mark);
    } finally {
      writeFileSync(file, before);
    }
  });
});
