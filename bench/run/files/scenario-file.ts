import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { readJsonFile } from './read-json-file.ts';

/**
 * Whether a scenario reference on the command line (or in a suite) names a file rather than a
 * registered id: it ends in `.json`, or it contains a `/` and a file of that name exists
 * (relative to `baseDir`).
 */
export function isScenarioFile(name: string, baseDir: string = process.cwd()): boolean {
  if (name.endsWith('.json')) return true;
  if (!name.includes('/')) return false;
  try {
    return statSync(resolve(baseDir, name)).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads a scenario file (resolved against `baseDir`) and parses its JSON, unvalidated.
 * Returns the parsed value and how the file is named in messages (relative to the working
 * directory when it lies inside it).
 * @throws UsageError when it cannot be read or is not valid JSON (with the parse position).
 */
export function readScenarioFile(name: string, baseDir: string = process.cwd()): { raw: unknown; shown: string } {
  const path = resolve(baseDir, name);
  const rel = relative(process.cwd(), path);
  const shown = rel && !rel.startsWith('..') ? rel : path;
  return { raw: readJsonFile(path, 'scenario file', shown), shown };
}
