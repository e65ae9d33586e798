/**
 * Loads a user's module (a controller, a cell controller) from any path: `.ts .mts .js .mjs`, in a
 * folder with no `package.json`, with `"type": "commonjs"` or `"type": "module"`, importing
 * `testfield` or its own relative helpers. tsx's `tsImport` compiles TypeScript and follows the
 * folder's own module type; `testfield` always resolves to this package (the one running), so a
 * controller in a folder with no `node_modules` imports the SDK too.
 */
import { existsSync, readFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register as registerTsRequire } from 'tsx/cjs/api';
import { tsImport } from 'tsx/esm/api';

/** A module that could not be loaded: where (`file:line` when known) and why, in one line. */
export class ModuleLoadError extends Error {
  override readonly name = 'ModuleLoadError';
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(`${line !== null ? `${file}:${line}` : file}: ${reason}`);
  }
}

/** A file of this package: the parent `testfield` is resolved from (a package may import itself by name). */
const SELF_FILE = fileURLToPath(import.meta.url);

/**
 * Imports `file` (an absolute path) and returns its default export, unwrapped from CommonJS
 * interop (`module.exports = f` and a compiled `export default f` both give `f`).
 * @throws ModuleLoadError naming the file and line that failed and why.
 */
export async function importDefault(file: string): Promise<unknown> {
  routeTestfieldToThisPackage();
  let mod: Record<string, unknown>;
  try {
    mod = (await tsImport(pathToFileURL(file).href, import.meta.url)) as Record<string, unknown>;
  } catch (error) {
    throw describeLoadFailure(file, error);
  }
  let value = mod.default;
  if (value !== null && typeof value === 'object' && 'default' in value) value = (value as { default: unknown }).default;
  return value;
}

let routed = false;

/** Makes `import 'testfield'` (ESM) and `require('testfield')` (CommonJS) resolve to this package from any folder. */
function routeTestfieldToThisPackage(): void {
  if (routed) return;
  routed = true;
  // A commonjs module that requires `testfield` reaches this package's TypeScript sources through
  // `require`: let require() load .ts as import does (not only what happens to be loaded already).
  registerTsRequire();
  const parentURL = pathToFileURL(SELF_FILE).href;
  const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === 'testfield' || specifier.startsWith('testfield/')) return next(specifier, { ...context, parentURL: ${JSON.stringify(parentURL)} });
  return next(specifier, context);
}`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
  const cjs = Module as unknown as {
    _resolveFilename: (request: string, parent: unknown, ...rest: unknown[]) => string;
    _nodeModulePaths: (dir: string) => string[];
  };
  const original = cjs._resolveFilename;
  const self = { id: SELF_FILE, filename: SELF_FILE, paths: cjs._nodeModulePaths(dirname(SELF_FILE)) };
  cjs._resolveFilename = function (request, parent, ...rest) {
    if (request === 'testfield' || request.startsWith('testfield/')) return original.call(this, request, self, ...rest);
    return original.call(this, request, parent, ...rest);
  };
}

/** One line for why `file` failed to load, with the file and line of the cause when they can be found. */
export function describeLoadFailure(file: string, error: unknown): ModuleLoadError {
  const e = (error ?? {}) as { message?: string; code?: string; stack?: string; errors?: { text: string; location?: { file: string; line: number } | null }[] };
  const message = String(e.message ?? error);
  // esbuild (TypeScript compile) errors carry their location.
  const compile = e.errors?.[0];
  if (compile) return new ModuleLoadError(compile.location?.file ?? file, compile.location?.line ?? null, compile.text);
  // The same, having crossed a thread (an isolated controller's worker): only the message is left.
  const compileText = /^(\/[^\n]+?):(\d+):\d+: ERROR: (.+)$/m.exec(message);
  if (compileText) return new ModuleLoadError(compileText[1]!, Number(compileText[2]), compileText[3]!);
  if (e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'MODULE_NOT_FOUND') {
    const specifier = /Cannot find (?:module|package) '([^']+)'/.exec(message)?.[1] ?? '';
    const importer = /imported from (\S+)/.exec(message)?.[1] ?? /Require stack:\n- ([^\n?]+)/.exec(message)?.[1] ?? file;
    const importerPath = importer.startsWith('file:') ? fileURLToPath(importer) : importer;
    const name = specifier.startsWith('/') ? specifier.split('/').pop()! : specifier;
    return new ModuleLoadError(importerPath, lineMentioning(importerPath, name), `cannot find module '${name}'`);
  }
  const missingExport = /module '([^']+)' does not provide an export named '([^']+)'/.exec(message);
  if (missingExport) return new ModuleLoadError(file, lineMentioning(file, missingExport[2]!), firstLine(message));
  const frame = userFrame(e.stack ?? '');
  const where = frame?.file ?? file;
  // CommonJS-compiled TypeScript has no line map: the line that spells the message is the best guess.
  const line = frame?.line ?? lineQuoting(where, firstLine(message));
  return new ModuleLoadError(where, line, `${errorName(error)}${firstLine(message)}`);
}

function errorName(error: unknown): string {
  return error instanceof Error && error.name !== 'Error' ? `${error.name}: ` : '';
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

/** The first stack frame in a file outside Node's internals and this package's dependencies. */
function userFrame(stack: string): { file: string; line: number | null } | null {
  for (const text of stack.split('\n').slice(1)) {
    const at = /(?:^at |\()((?:file:\/\/)?\/[^():]+):(\d+):\d+\)?$/.exec(text.trim());
    const path = at ? (at[1]!.startsWith('file:') ? fileURLToPath(at[1]!) : at[1]!) : '';
    if (at && !path.includes('/node_modules/') && existsSync(path)) return { file: path, line: Number(at[2]) };
    // tsx runs CommonJS-compiled TypeScript from a data: URL that names the file but keeps no line map.
    const data = /[?&]filePath=([^:&)]+)/.exec(text);
    if (data) return { file: decodeURIComponent(data[1]!).split('?')[0]!, line: null };
  }
  return null;
}

/** The 1-based line of `file` that holds `text` in quotes (a thrown message spelt out), or null. */
function lineQuoting(file: string, text: string): number | null {
  if (text.length < 4) return null;
  try {
    const index = readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => [`'${text}'`, `"${text}"`, `\`${text}\``].some((q) => l.includes(q)));
    return index >= 0 ? index + 1 : null;
  } catch {
    return null;
  }
}

/** The 1-based line of `file` whose text mentions `needle` in quotes or as a word, or null. */
function lineMentioning(file: string, needle: string): number | null {
  if (!needle) return null;
  let lines: string[];
  try {
    lines = readFileSync(file, 'utf8').split('\n');
  } catch {
    return null;
  }
  const quoted = lines.findIndex((l) => l.includes(`'${needle}`) || l.includes(`"${needle}`) || l.includes(`/${needle}'`) || l.includes(`/${needle}"`));
  if (quoted >= 0) return quoted + 1;
  const word = new RegExp(`\\b${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
  const index = lines.findIndex((l) => word.test(l));
  return index >= 0 ? index + 1 : null;
}
