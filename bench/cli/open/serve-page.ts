import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { UsageError } from '../../run/usage-error.ts';
import { TEST_HOOKS_ENV, TEST_HOOKS_MODE } from './test-hooks-mode.ts';
import { CONTROLLERS_ENV } from './user-controllers-plugin.ts';

/** This package's folder (holds `vite.config.ts` and `web/`). */
const PACKAGE_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Where and how `testfield open` serves the page. */
export interface ServePageOptions {
  /** Folders whose controller modules the page's picker lists (relative to the working directory). */
  controllerDirs?: readonly string[];
  /** Files the page may fetch by `/@fs/` URL (a replay, a scenario file). */
  allowFiles?: readonly string[];
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Also open the system's browser at the page. */
  browser?: boolean;
}

/** A running page server: its base URL (ends with `/`) and how to stop it. */
export interface ServedPage {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the browser test field with vite's dev server (hot reload of controller files included),
 * from any working directory: the config and `web/` are this package's, the controller folders the user's.
 * @throws UsageError when a controller folder is missing.
 */
export async function servePage(options: ServePageOptions = {}): Promise<ServedPage> {
  const dirs = (options.controllerDirs ?? []).map((d) => resolve(d));
  for (const dir of dirs) if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--controllers: "${dir}" is not a folder`);
  process.env[CONTROLLERS_ENV] = dirs.join(':');
  const allow = [...(options.allowFiles ?? []).map((f) => resolve(f)), ...dirs, PACKAGE_ROOT];
  const server: ViteDevServer = await createServer({
    configFile: resolve(PACKAGE_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    // Tests that drive `testfield open` itself ask for the page with its test handles.
    ...(process.env[TEST_HOOKS_ENV] === '1' ? { mode: TEST_HOOKS_MODE } : {}),
    server: {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 5173,
      strictPort: false,
      open: options.browser ?? false,
      fs: { allow },
    },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? `http://${options.host ?? '127.0.0.1'}:${options.port ?? 5173}/`;
  return { url, close: () => server.close() };
}

/** The URL path the dev server serves a local file at (`/@fs/abs/path`). */
export function fsUrlPath(file: string): string {
  return `/@fs${resolve(file).split('/').map(encodeURIComponent).join('/')}`;
}
