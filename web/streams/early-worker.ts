/**
 * The simulation worker, started as soon as the page's code starts running: `main.ts` imports
 * this module first, so the worker fetches its chunk and initialises Rapier while the rest of the
 * page (three.js, the panels, the WebGL context) is still being evaluated and built, instead of
 * after. `SimClient` adopts it for its first worker; every later one (a restart) is created fresh.
 */

/** A worker started early, with any error it reported before a client listened. */
export interface EarlyWorker {
  worker: Worker;
  errors: string[];
}

/** A new simulation worker (a module worker on `web/worker/sim-worker.ts`). */
export function createSimWorker(): Worker {
  return new Worker(new URL('../worker/sim-worker.ts', import.meta.url), { type: 'module' });
}

function start(): EarlyWorker | null {
  if (typeof Worker !== 'function') return null;
  const early: EarlyWorker = { worker: createSimWorker(), errors: [] };
  early.worker.addEventListener('error', (e) => {
    e.preventDefault();
    early.errors.push(e.message || 'the simulation worker stopped');
  });
  return early;
}

let early: EarlyWorker | null = start();

/** The early worker, once (null after the first call, or where workers do not exist). */
export function takeEarlyWorker(): EarlyWorker | null {
  const taken = early;
  early = null;
  return taken;
}
