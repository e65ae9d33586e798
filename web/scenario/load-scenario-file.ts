import type { ScenarioSpecInput } from '../../sim/page-api.ts';
import { sessionRecordingNotice } from '../live/session-recording-notice.ts';
import type { LoadOptions, LoadOutcome } from '../shared/protocol.ts';
import type { Banner } from '../ui/banner.ts';
import { fileScenarioLabel } from '../ui/share-url.ts';
import type { Toolbar } from '../ui/toolbar.ts';
import { fetchScenarioText } from './fetch-scenario-text.ts';
import { parseSpecText } from './parse-spec-text.ts';
import { fileNameOf } from './scenario-source.ts';

/** The scenario file a page loaded last: fetched (`?scenario=<url>`: its spec) or dropped/picked (the worker's handle `opened`), and its name. */
export interface LoadedScenarioFile {
  spec?: ScenarioSpecInput;
  opened?: number;
  name: string;
}

/** Seed and overrides a scenario file is loaded with (from the page address). */
export type FileLoadExtra = Pick<LoadOptions, 'seed' | 'overrides'>;

/** What loading a scenario file needs from the page (the `App` has it). */
export interface ScenarioFilePage {
  readonly banner: Banner;
  readonly toolbar: Toolbar;
  /** The scenario file loaded last; set to the parsed spec before it loads. */
  file: LoadedScenarioFile | null;
  /** URL the scenario file was fetched from (a shared view names it); null for text from elsewhere. */
  fileUrl: string | null;
  load(options: LoadOptions): Promise<LoadOutcome>;
}

/**
 * Loads a scenario spec given as JSON text (a dropped file, or one fetched for `?scenario=`).
 * Text that is not JSON, or JSON that is not an object, is named in the banner; a spec the
 * worker refuses lists every problem as `path: reason`.
 */
export async function loadSpecText(page: ScenarioFilePage, text: string, name: string, extra: FileLoadExtra = {}, url: string | null = null): Promise<void> {
  page.fileUrl = url;
  const parsed = parseSpecText(text, name);
  if (!parsed.ok) {
    page.banner.show('error', parsed.message);
    return;
  }
  const spec = parsed.spec;
  const recording = sessionRecordingNotice(spec, name);
  if (recording) {
    page.banner.show('error', recording);
    return;
  }
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    page.banner.show(
      'error',
      `${name} does not hold a scenario: expected a JSON object, found ${Array.isArray(spec) ? 'an array' : spec === null ? 'null' : `a ${typeof spec}`}`,
    );
    return;
  }
  page.file = { spec: spec as ScenarioSpecInput, name };
  page.toolbar.showFile(name, fileScenarioLabel(spec, name));
  await page.load({ spec: page.file.spec, controller: page.toolbar.controller.value, ...extra });
}

/** Fetches a scenario file (relative to the page) and loads it; a failed fetch says why in the banner. */
export async function loadScenarioFile(page: ScenarioFilePage, url: string, extra: FileLoadExtra = {}): Promise<void> {
  const name = fileNameOf(url);
  page.banner.show('info', `Loading scenario file ${url} …`);
  const fetched = await fetchScenarioText(url);
  if (!fetched.ok) {
    page.banner.show('error', `Cannot load scenario file ${url}: ${fetched.message}`);
    return;
  }
  await loadSpecText(page, fetched.text, name, extra, url);
}
