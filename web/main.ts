/**
 * Browser test field entry: reads start-up options from the URL, boots the app, and turns any
 * start-up failure into a message on the page (never a blank screen).
 */
import './style.css';
import { App } from './app.ts';
import { startOptions } from './ui/start-options.ts';
import { installTestHook } from './test-hook.ts';

function showFatal(error: unknown): void {
  const banner = document.getElementById('banner');
  const message = error instanceof Error ? error.message : String(error);
  if (banner) {
    banner.hidden = false;
    banner.className = 'error';
    banner.textContent = `The test field could not start: ${message}`;
  } else {
    document.body.textContent = `The test field could not start: ${message}`;
  }
}

try {
  const app = new App(startOptions(new URLSearchParams(location.search)));
  installTestHook(app);
  app.boot().catch(showFatal);
} catch (error) {
  showFatal(error);
}
