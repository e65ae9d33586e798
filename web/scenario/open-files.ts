import type { LoadOptions, LoadOutcome, OpenFilesOutcome } from '../shared/protocol.ts';
import type { Banner } from '../ui/banner.ts';
import { byId, type Toolbar } from '../ui/toolbar.ts';

/** Details listed under one banner, at most (a file with thousands of bad lines stays readable). */
const MAX_LISTED_PROBLEMS = 50;

/** What opening files needs from the page (the `App` has it). */
export interface FileOpenerHost {
  readonly banner: Banner;
  readonly toolbar: Toolbar;
  readonly client: { openFiles(files: File[], robots?: number): Promise<OpenFilesOutcome> };
  /** The scenario file shown last; Reset and the pickers reload it. */
  file: { opened?: number; name: string } | null;
  load(options: LoadOptions): Promise<LoadOutcome>;
}

/**
 * Opens dropped or picked files as the live scenario: the worker reads, parses and imports them
 * (`SimWorkerApi.openFiles`: a scenario `.json`, a LoRR problem `.json` with its map, agents and
 * tasks files, or a MovingAI `.map`), then the page loads the result with the toolbar's controller.
 * A refusal is one banner naming each file and line at fault; importer warnings show once loaded.
 */
export async function openScenarioFiles(host: FileOpenerHost, files: readonly File[]): Promise<void> {
  host.banner.show('info', `Reading ${files.length === 1 ? 'the file' : `${files.length} files`} …`);
  let opened: OpenFilesOutcome;
  try {
    opened = await host.client.openFiles([...files]);
  } catch {
    return; // the worker was lost: its crash banner says so
  }
  if (!opened.ok) {
    host.banner.show('error', opened.message, listed(opened.problems));
    return;
  }
  host.file = { opened: opened.opened, name: opened.name };
  host.toolbar.showFile(opened.name, opened.label);
  if (opened.robots > 0) host.banner.show('info', `Loading the scenario: ${opened.robots.toLocaleString('en')} robots …`);
  const outcome = await host.load({ opened: opened.opened, controller: host.toolbar.controller.value });
  if (outcome.ok && opened.warnings.length > 0) {
    const n = opened.warnings.length;
    host.banner.show('info', `${opened.name} opened with ${n === 1 ? 'a warning' : `${n} warnings`}`, listed(opened.warnings));
  }
}

function listed(lines: readonly string[]): string[] {
  if (lines.length <= MAX_LISTED_PROBLEMS) return [...lines];
  return [...lines.slice(0, MAX_LISTED_PROBLEMS), `… and ${lines.length - MAX_LISTED_PROBLEMS} more`];
}

/** The toolbar's *Open scenario* picker (`#open-files`, several files at once) opens what it is given. */
export function wireOpenFilesPicker(host: FileOpenerHost): void {
  const input = byId<HTMLInputElement>('open-files');
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length > 0) void openScenarioFiles(host, files);
  });
}
