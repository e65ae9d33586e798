/**
 * Worker entry: exposes the simulation with comlink at once and builds a `SimWorker` (Rapier
 * initialises here, off the main thread); every call waits until it is ready, while the heartbeat
 * below runs from the start, so the page sees the worker alive while the simulation's modules load.
 */
import * as Comlink from 'comlink';
import { HEARTBEAT_EVERY_MS, HEARTBEAT_KEY, type AsyncSimWorkerApi } from '../shared/protocol.ts';

type SimWorkerModule = typeof import('./sim-worker-api.ts');

const simulation: Promise<SimWorkerModule> = import('./sim-worker-api.ts');
const ready = simulation.then(({ SimWorker }) => SimWorker.create());

const api: AsyncSimWorkerApi = {
  catalog: async () => (await ready).catalog(),
  load: async (options) => (await ready).load(options),
  advance: async (ticks, budgetMs) => (await ready).advance(ticks, budgetMs),
  hash: async () => (await ready).hash(),
  kpis: async () => (await ready).kpis(),
  robotDetail: async (robot) => (await ready).robotDetail(robot),
  describe: async (spec) => (await ready).describe(spec),
  crash: async () => (await ready).crash(),
  hang: async () => (await ready).hang(),
};

Comlink.expose(api);

// Heartbeat: the page counts a worker silent for longer than its limit as hung (a controller that
// never returns blocks this timer too) and replaces it. Comlink ignores messages without its ids.
let beat = 0;
setInterval(() => postMessage({ [HEARTBEAT_KEY]: ++beat }), HEARTBEAT_EVERY_MS);
