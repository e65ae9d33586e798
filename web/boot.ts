/**
 * Boots the browser test field (loaded by `main.ts` once the simulation worker is on its way):
 * reads start-up options from the URL, builds the app, and turns any start-up failure into a
 * message on the page (never a blank screen).
 */
import { App } from './app.ts';
import { showFatal } from './ui/show-fatal.ts';
import { startOptions } from './ui/start-options.ts';

try {
  const app = new App(startOptions(new URLSearchParams(location.search)));
  // The end-to-end tests' handle on the page (`window.__testfield`): only in the test-hooks mode
  // (bench/cli/open/test-hooks-mode.ts); the product page neither loads nor contains it.
  if (import.meta.env.TESTFIELD_TEST_HOOKS) import('./test-hook.ts').then(({ installTestHook }) => installTestHook(app)).catch(showFatal);
  app.boot().catch(showFatal);
} catch (error) {
  showFatal(error);
}
