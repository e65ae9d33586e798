/**
 * Boots the browser test field (loaded by `main.ts` once the simulation worker is on its way):
 * reads start-up options from the URL, builds the app, and turns any start-up failure into a
 * message on the page (never a blank screen).
 */
import { App } from './app.ts';
import { showFatal } from './ui/show-fatal.ts';
import { startOptions } from './ui/start-options.ts';
import { installTestHook } from './test-hook.ts';

try {
  const app = new App(startOptions(new URLSearchParams(location.search)));
  installTestHook(app);
  app.boot().catch(showFatal);
} catch (error) {
  showFatal(error);
}
