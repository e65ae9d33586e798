import type { Plugin } from 'vite';

/**
 * The vite mode in which the page carries the end-to-end tests' handles: `window.__testfield`
 * (`web/test-hook.ts`), the misbehaving `test/…` controllers (`web/worker/test-controllers.ts`)
 * and the worker's `crash`/`hang` calls (`web/worker/test-worker-hooks.ts`). The tests build and
 * serve the page in it (`build({ mode })`, `createServer({ mode })`, `testfield open` with
 * {@link TEST_HOOKS_ENV}); in any other mode (`npm start`, `npm run build`) none of that code is
 * loaded, and a build does not contain it.
 */
export const TEST_HOOKS_MODE = 'test-hooks';

/** Set to `1`, `testfield open` serves the page in {@link TEST_HOOKS_MODE} (for tests that drive the command itself). */
export const TEST_HOOKS_ENV = 'TESTFIELD_TEST_HOOKS';

/** Defines `import.meta.env.TESTFIELD_TEST_HOOKS`: true in {@link TEST_HOOKS_MODE}, else false (and the code it guards is dropped from a build). */
export function testHooksPlugin(): Plugin {
  return {
    name: 'testfield-test-hooks',
    config: (_config, env) => ({ define: { 'import.meta.env.TESTFIELD_TEST_HOOKS': JSON.stringify(env.mode === TEST_HOOKS_MODE) } }),
  };
}
