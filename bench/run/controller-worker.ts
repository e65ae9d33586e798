/**
 * Worker-thread side of an isolated controller (see `isolated-controller.ts`): loads the user's
 * controller module, then serves calls synchronously over a `call-channel.ts` channel (one message
 * each way per call, paired by sequence number). Everything the controller is handed is this thread's own copy, so it cannot reach the
 * host's model or state.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import {
  createHandedRoadmap,
  createObservationDecoder,
  handModelRoadmap,
  type ControllerFactory,
  type EncodedObservation,
  type FleetController,
  type HandedRoadmap,
  type ObservationDecoder,
  type Roadmap,
  type StaticObservation,
} from '../../sim/index.ts';
import { loadControllerFactory } from './load-controller.ts';
import { serveCalls } from './call-channel.ts';

/** A call from the host. */
export type ControllerCall =
  | { type: 'reset'; seed: number; robots: number; roadmap: Roadmap }
  | { type: 'decide'; fixed?: StaticObservation; observation: EncodedObservation }
  | { type: 'save' }
  | { type: 'load'; state: unknown };

/** The answer to a call: a value, or the message of what the controller threw. */
export type ControllerAnswer =
  | { ok: true; value: unknown; returned?: string; reports?: unknown; wroteIntoRoadmap?: boolean }
  | { ok: false; error: string; wroteIntoRoadmap?: boolean; fatal?: 'memory' };

const {
  file,
  flags: flagBuffer,
  port,
  memoryMb,
  trusted,
} = workerData as { file: string; flags: SharedArrayBuffer; port: MessagePort; memoryMb: number; trusted: boolean };
const flags = new Int32Array(flagBuffer);
const memoryLimitBytes = memoryMb * 2 ** 20;

/**
 * This thread's heap and off-heap memory (buffers the controller allocated), bytes. The heap alone
 * is also capped by the worker's `resourceLimits`; off-heap memory is only seen here.
 */
function memoryInUseBytes(): number {
  const heap = getHeapStatistics();
  return heap.used_heap_size + heap.external_memory;
}

/** The call's answer, or a fatal one when the controller holds more memory than it may. */
function withinMemory(reply: ControllerAnswer): ControllerAnswer {
  const usedBytes = memoryInUseBytes();
  if (usedBytes <= memoryLimitBytes) return reply;
  return {
    ok: false,
    fatal: 'memory',
    error: `the controller holds ${Math.round(usedBytes / 2 ** 20)} MB, over its limit of ${memoryMb} MB (--controller-memory-mb)`,
  };
}

const factory: ControllerFactory = await loadControllerFactory(file);

// A fault boundary, not a security sandbox: a controller that tries to kill the process (all of
// it: a worker shares the host's process) gets an error it can see, and the call fails like a
// throw. Installed once the module has loaded (Node's own error path while loading must stay
// intact); `process.exit` is left alone: in a worker it ends only this thread, which the host
// reports as the worker ending.
for (const name of ['kill', 'abort'] as const) {
  Object.defineProperty(process, name, {
    value: () => {
      throw new Error(`process.${name}() is not available to an isolated controller`);
    },
  });
}
const controller: FleetController = factory();
let handed: HandedRoadmap | null = null;
let decoder: ObservationDecoder | null = null;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function answer(call: ControllerCall): ControllerAnswer {
  switch (call.type) {
    case 'reset':
      // A trusted (built-in) controller gets the roadmap as sent: this thread's own copy already.
      handed = trusted ? handModelRoadmap(call.roadmap) : createHandedRoadmap(call.roadmap);
      decoder = null;
      controller.reset?.({ seed: call.seed, robots: call.robots, roadmap: handed.roadmap });
      return { ok: true, value: { name: controller.name, scan: controller.scan ?? null }, wroteIntoRoadmap: handed.repair() };
    case 'decide': {
      if (call.fixed) decoder = createObservationDecoder({ ...call.fixed, roadmap: handed?.roadmap ?? call.fixed.roadmap });
      if (!decoder) throw new Error('decide() before the first observation');
      let value: unknown;
      try {
        value = controller.decide(decoder.decode(call.observation));
      } catch (error) {
        return { ok: false, error: describe(error), wroteIntoRoadmap: handed?.repair() ?? false };
      }
      const wrote = handed?.repair() ?? false;
      const reports = Array.isArray(value) ? controller.drainReports?.() : undefined;
      return Array.isArray(value)
        ? { ok: true, value, reports, wroteIntoRoadmap: wrote }
        : { ok: true, value: null, returned: value === null ? 'null' : typeof value, wroteIntoRoadmap: wrote };
    }
    case 'save':
      return { ok: true, value: controller.saveState?.() ?? null };
    case 'load':
      controller.loadState?.(call.state);
      return { ok: true, value: null };
  }
}

// Ready: from here on this thread only serves calls (its event loop never turns again).
parentPort!.postMessage('ready');
serveCalls<ControllerCall, ControllerAnswer>(
  flags,
  port,
  (call) => {
    try {
      return withinMemory(answer(call));
    } catch (error) {
      return { ok: false, error: describe(error) };
    }
  },
  (error) => ({ ok: false, error: `its answer cannot be copied out of the worker: ${describe(error)}` }),
);
