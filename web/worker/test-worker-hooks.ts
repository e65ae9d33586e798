/**
 * The worker's test-only part, loaded by `sim-worker.ts` only in the test-hooks mode
 * (`bench/cli/open/test-hooks-mode.ts`): the misbehaving controllers the page's survival is tested
 * with, and calls that crash or hang the worker.
 */
export { TEST_CONTROLLERS } from './test-controllers.ts';

/** Worker calls only the end-to-end tests make (through `window.__testfield`). */
export interface TestWorkerApi {
  /** Throws inside the worker's event loop (tests the crash banner). */
  crash(): void;
  /** Blocks the worker's event loop for good (tests the heartbeat). */
  hang(): void;
}

/** {@link TestWorkerApi}, added to the worker's comlink API. */
export const testWorkerApi: TestWorkerApi = {
  crash() {
    setTimeout(() => {
      throw new Error('deliberate worker crash (test hook)');
    }, 0);
  },
  hang() {
    setTimeout(() => {
      for (;;) {}
    }, 0);
  },
};
