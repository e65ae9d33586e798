import { readFileSync } from 'node:fs';
import { UsageError } from '../usage-error.ts';
import { jsonErrorOffset, lineColumn } from './json-error-position.ts';

/**
 * Reads and parses a JSON file the user named. `what` describes it in messages
 * (`scenario file`, `suite file`, …); `shown` is how the file is named in them (default `path`).
 * @throws UsageError with one line: the file cannot be read (why), or is not valid JSON (the
 *   parser's reason and where: line, column and character position).
 */
export function readJsonFile(path: string, what: string, shown = path): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : error instanceof Error
              ? error.message
              : String(error);
    throw new UsageError(`cannot read ${what} ${shown}: ${reason}`);
  }
  return parseJsonText(text, `${what} ${shown}`);
}

/**
 * `JSON.parse` whose failure is a one-line UsageError naming `source` and the position, e.g.
 * `scenario file a.json is not valid JSON at line 3, column 5 (position 21): Expected ',' or '}' after property value`.
 */
export function parseJsonText(text: string, source: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    const reported = /at position (\d+)/.exec(error instanceof Error ? error.message : '');
    const offset = reported ? Number(reported[1]) : jsonErrorOffset(body);
    const at = offset < 0 ? '' : (({ line, column }) => ` at line ${line}, column ${column} (position ${offset})`)(lineColumn(body, offset));
    throw new UsageError(`${source} is not valid JSON${at}: ${describeSyntaxError(error)}`);
  }
}

/** V8's reason without its own position or its quote of the text (which may span lines). */
function describeSyntaxError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ at position \d+/, '')
    .replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '')
    .replace(/\s+/g, ' ')
    .trim();
}
