/**
 * Worker entry: exposes the simulation with comlink at once and builds a `SimWorker` (Rapier
 * initialises here, off the main thread); every call waits until it is ready, while the heartbeat
 * below runs from the start, so the page sees the worker alive while the simulation's modules load.
 */
import * as Comlink from 'comlink';
import { HEARTBEAT_EVERY_MS, HEARTBEAT_KEY, type AsyncSimWorkerApi } from '../shared/protocol.ts';

type SimWorkerModule = typeof import('./sim-worker-api.ts');

const simulation: Promise<SimWorkerModule> = import('./sim-worker-api.ts');
// The end-to-end tests' part (misbehaving controllers, crash and hang): only in the test-hooks mode; a build leaves it out.
const testHooks = import.meta.env.TESTFIELD_TEST_HOOKS ? import('./test-worker-hooks.ts') : null;
const ready = simulation.then(async ({ SimWorker }) => SimWorker.create((await testHooks)?.TEST_CONTROLLERS));

const api: AsyncSimWorkerApi = {
  catalog: async () => (await ready).catalog(),
  load: async (options) => (await ready).load(options),
  advance: async (ticks, budgetMs) => (await ready).advance(ticks, budgetMs),
  hash: async () => (await ready).hash(),
  kpis: async () => (await ready).kpis(),
  robotDetail: async (robot) => (await ready).robotDetail(robot),
  describe: async (spec) => (await ready).describe(spec),
  openFiles: async (files, robots) => (await ready).openFiles(files, robots),
  openedSpec: async (opened) => (await ready).openedSpec(opened),
};

Comlink.expose(api);
// Comlink looks a call's method up when it arrives: added here, the test calls are there before a test can make one.
void testHooks?.then(({ testWorkerApi }) => Object.assign(api, testWorkerApi));

// Heartbeat: the page counts a worker silent for longer than its limit as hung (a controller that
// never returns blocks this timer too) and replaces it. Comlink ignores messages without its ids.
let beat = 0;
setInterval(() => postMessage({ [HEARTBEAT_KEY]: ++beat }), HEARTBEAT_EVERY_MS);
