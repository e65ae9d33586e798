/**
 * Worker threads that run TypeScript: the worker registers tsx's ESM hooks before it imports its
 * entry module, so a `.ts` entry (and the `.ts` files it imports) load as they do in the host.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Starts `entryUrl` (a `file:` URL of a `.ts` or `.js` module) in a new worker thread. */
export function startTsWorker(entryUrl: string, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const tsx = tsxApiUrl();
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entryUrl)}); })`, {
    ...options,
    eval: true,
  });
}

/** tsx's ESM API (`tsx/esm/api`, import condition), located from any loader (`import.meta.resolve` is missing under tsx's CommonJS hook). */
function tsxApiUrl(): string {
  return tsxExportUrl('./esm/api');
}

/**
 * The `file:` URL of one of tsx's package exports (`.` is the loader for `--import`), found from
 * this file rather than the working directory: a command run from the user's own folder still
 * starts its workers with this checkout's tsx.
 */
export function tsxExportUrl(subpath: '.' | './esm/api'): string {
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const entry = (JSON.parse(readFileSync(pkg, 'utf8')) as { exports: Record<string, string | { import: { default: string } }> }).exports[subpath]!;
  return new URL(typeof entry === 'string' ? entry : entry.import.default, pathToFileURL(pkg)).href;
}
