/**
 * Opens the layout editor in the page (`?edit`, the toolbar's Edit button): on a blank floor
 * (`?edit=30x20`), on the scenario named by `?scenario=` (a registered id or a file), on the
 * scenario the field shows, or — back from a run — on the same drawing with its undo history.
 * Run hands the drawn file to the page like a dropped scenario file; Close shows the field again.
 */
import type { LoadedScenarioFile } from '../scenario/load-scenario-file.ts';
import type { AsyncSimWorkerApi, LoadOptions, LoadOutcome } from '../shared/protocol.ts';
import { fetchScenarioText } from '../scenario/fetch-scenario-text.ts';
import { fileNameOf, scenarioSource } from '../scenario/scenario-source.ts';
import { blankScenario, parseFloorSize } from './blank-scenario.ts';
import { asEditableSpec, fileNameFor } from './editable-spec.ts';
import { EditorMode } from './editor-mode.ts';
import { installEditorTestHook } from './editor-test-hook.ts';

/** Blank floor size for `?edit` without a scenario. */
const DEFAULT_BLANK = { cols: 20, rows: 12 };

let session: EditorMode | null = null;
/** The spec object the page loaded from the editor's last Run (identity: is the field still showing it?). */
let ranSpec: unknown = null;
/** The field's load options when the editor last opened (unchanged after Close: reopen the drawing). */
let optionsAtOpen: unknown;
/** Whether the field was playing when the editor opened (Run restores it). */
let wasPlaying = true;

/** What to open: `edit` is the `?edit` value (`''`, or a size `WxH`); `scenario` the `?scenario` value at start-up. */
export interface EditRequest {
  edit: string;
  scenario?: string | null;
}

/** Opens (or shows again) the layout editor; resolves once it shows a drawing. */
/** What the editor needs of the page: its run (playing, the options and file it ran), its view, and a way to run a spec. */
export interface EditorPage {
  readonly client: { readonly playing: boolean; readonly remote: Pick<AsyncSimWorkerApi, 'openedSpec'> };
  readonly options: LoadOptions | null;
  readonly lastOutcome: LoadOutcome | null;
  /** The scenario file the field shows: its spec, or the worker's handle of files opened there. */
  readonly file: LoadedScenarioFile | null;
  readonly view: { resize(): void };
  setPlaying(playing: boolean): void;
  loadSpecText(text: string, name: string): Promise<void>;
}

export async function openLayoutEditor(app: EditorPage, request: EditRequest): Promise<EditorMode> {
  const editor = session ?? createSession(app);
  const badSize = await openIn(editor, app, request);
  if (badSize) editor.say(badSize);
  return editor;
}

/** Opens what `request` asks for in `editor`; returns a message about a bad `?edit` value, or null. */
async function openIn(editor: EditorMode, app: EditorPage, request: EditRequest): Promise<string | null> {
  wasPlaying = app.client.playing;
  app.setPlaying(false);
  const size = parseFloorSize(request.edit);
  const badSize =
    !size && request.edit.trim() !== '' && request.edit !== '1'
      ? `edit=${request.edit}: expected a blank floor size such as 20x12 (3 to 400 cells a side); ignored`
      : null;
  // Back from a run of the drawing, or after Close with the field unchanged: the same drawing, undo history and all.
  const fieldUnchanged = app.options === optionsAtOpen || (ranSpec !== null && app.file?.spec === ranSpec);
  optionsAtOpen = app.options;
  if (!size && editor.isOpenedOnce && fieldUnchanged && request.scenario == null) {
    editor.show();
    return badSize;
  }
  if (size) {
    const spec = blankScenario(size.cols, size.rows);
    editor.open(spec, fileNameFor(spec));
    return badSize;
  }
  const source =
    request.scenario !== undefined
      ? scenarioSource(request.scenario)
      : app.file
        ? null
        : app.options?.scenario
          ? { kind: 'registered' as const, id: app.options.scenario }
          : null;
  if (request.scenario === undefined && app.file) {
    const spec = app.file.spec ?? (app.file.opened !== undefined ? await app.client.remote.openedSpec(app.file.opened) : null);
    const outcome = asEditableSpec(spec, app.file.name);
    if (outcome.ok) editor.open(outcome.spec, app.file.name);
    else openBlankSaying(editor, outcome.message);
    return badSize;
  }
  if (source?.kind === 'file') {
    const fetched = await fetchScenarioText(source.url);
    if (!fetched.ok) openBlankSaying(editor, `Cannot load scenario file ${source.url}: ${fetched.message}`);
    else if (!editor.openText(fetched.text, fileNameOf(source.url))) editor.show();
    return badSize;
  }
  if (source?.kind === 'registered') {
    const spec = await editor.catalogSpec(source.id);
    const outcome = asEditableSpec(spec, source.id);
    if (spec === null) openBlankSaying(editor, `no registered scenario "${source.id}"`);
    else if (!outcome.ok) openBlankSaying(editor, outcome.message);
    else editor.open(outcome.spec, fileNameFor(outcome.spec));
    return badSize;
  }
  const spec = blankScenario(DEFAULT_BLANK.cols, DEFAULT_BLANK.rows);
  editor.open(spec, fileNameFor(spec));
  return badSize;
}

function openBlankSaying(editor: EditorMode, message: string): void {
  const spec = blankScenario(DEFAULT_BLANK.cols, DEFAULT_BLANK.rows);
  editor.open(spec, fileNameFor(spec));
  editor.say(message);
}

function createSession(app: EditorPage): EditorMode {
  const editor = new EditorMode({
    run: async (text, name) => {
      editor.hide();
      app.view.resize();
      await app.loadSpecText(text, name);
      ranSpec = app.file?.spec ?? null;
      optionsAtOpen = undefined;
      if (wasPlaying) app.setPlaying(true);
    },
    showField: () => {
      editor.hide();
      app.view.resize();
      if (wasPlaying && app.lastOutcome?.ok) app.setPlaying(true);
    },
  });
  document.querySelector('main')!.append(editor.root);
  installEditorTestHook(editor);
  session = editor;
  return editor;
}
