/**
 * Browser test field entry: reads start-up options from the URL, boots the app, and turns any
 * start-up failure into a message on the page (never a blank screen).
 */
import './style.css';
import { App, type StartOptions } from './app.ts';
import type { Speed } from './streams/sim-client.ts';
import { installTestHook } from './test-hook.ts';

function startOptions(params: URLSearchParams): StartOptions {
  const num = (name: string) => {
    const v = params.get(name);
    return v !== null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null;
  };
  const speedText = params.get('speed');
  const speed: Speed = speedText === 'max' ? 'max' : (num('speed') ?? 1);
  const robots = num('robots');
  return {
    scenario: params.get('scenario'),
    controller: params.get('controller'),
    seed: num('seed'),
    speed,
    paused: params.get('paused') === '1',
    overrides: robots !== null ? { robots } : undefined,
  };
}

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
