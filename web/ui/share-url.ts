import type { Speed } from '../streams/sim-client.ts';

/** What a shared view names: the scenario (registered id or a file's URL), controller, seed, speed. */
export interface SharedView {
  /** Registered scenario name, a scenario file's URL, or null for a dropped file (no URL to share). */
  scenario: string | null;
  controller: string;
  seed: number;
  speed: Speed;
}

/**
 * The page URL that reopens `view`: `?scenario=&controller=&seed=&speed=`, other parameters of
 * `current` (e.g. `paused`, `robots`) kept. Pure, so it is unit-tested without a browser.
 */
export function sharedViewUrl(current: string, view: SharedView): string {
  const url = new URL(current);
  const params = url.searchParams;
  if (view.scenario !== null) params.set('scenario', view.scenario);
  else params.delete('scenario');
  params.set('controller', view.controller);
  params.set('seed', String(view.seed));
  params.set('speed', String(view.speed));
  return url.toString();
}

/** The picker label of a scenario file: its id and title when it has them, else the file name. */
export function fileScenarioLabel(spec: unknown, fileName: string): string {
  const s = spec as { id?: unknown; title?: unknown } | null;
  const id = s && typeof s.id === 'string' ? s.id : null;
  const title = s && typeof s.title === 'string' ? s.title : null;
  if (id && title) return `${id} — ${title} (${fileName})`;
  return `file — ${id ?? fileName}`;
}
