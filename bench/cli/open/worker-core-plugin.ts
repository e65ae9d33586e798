import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build, parseSync, version as viteVersion, type Alias, type Plugin, type Rolldown, type ViteDevServer } from 'vite';

/** Where the dev server serves the bundled worker core: `\0testfield-core:<chunk file name>`. */
const CORE_PREFIX = '\0testfield-core:';
/** How a bundled chunk names a module that stays source (rendered verbatim, resolved back by the plugin). */
const SOURCE_PREFIX = 'testfield-source:';

/** Options of {@link workerCorePlugin}. */
export interface WorkerCorePluginOptions {
  /** This package's folder: only its own modules are bundled (dependencies stay vite's pre-bundled ones). */
  packageRoot: string;
  /** The module whose import graph is bundled: the simulation the worker runs (`web/worker/sim-worker-api.ts`). */
  core: string;
  /**
   * The worker's entry (`web/worker/sim-worker.ts`): served as source, its import of the core is
   * answered with the bundle, its other imports are not (they load before the core, so the worker
   * answers and beats its heartbeat while the core loads).
   */
  workerEntry: string;
  /**
   * Modules served as source that import the core (the worker entries, the controller catalogue): their
   * imports of package modules are answered with the bundle's copies. The bundle leaves them (and what
   * only they import) out.
   */
  sourceFiles: readonly string[];
  /** Folders whose modules stay source and use the bundle's copies the same way (the controller folders). */
  sourceDirs: readonly string[];
  /** The config's aliases (`testfield` → the SDK), applied when reading what the source modules import. */
  aliases: readonly Alias[];
}

/** One build of the core: its chunks by file name, the entry chunk of each module source modules import, the modules bundled. */
interface CoreBuild {
  chunks: Map<string, { code: string; map: Rolldown.SourceMap | null }>;
  entryOf: Map<string, string>;
  modules: Set<string>;
}

/** A build as saved beside vite's dependency cache, with what it was built from. */
interface SavedBuild {
  key: string;
  entries: string[];
  /** Every bundled file of the package and a hash of its text. */
  sources: Record<string, string>;
  chunks: Array<[string, { code: string; map: Rolldown.SourceMap | null }]>;
  entryOf: Array<[string, string]>;
  modules: string[];
}

const hashOf = (text: string | Buffer) => createHash('sha1').update(text).digest('hex');

const stripQuery = (id: string) => id.split('?')[0]!;
const isBare = (spec: string) => !spec.startsWith('.') && !spec.startsWith('/') && !spec.startsWith('\0');
const aliasTarget = (aliases: readonly Alias[], spec: string): string | null => {
  for (const a of aliases) {
    if (typeof a.find === 'string' ? spec === a.find : a.find.test(spec))
      return typeof a.find === 'string' ? a.replacement : spec.replace(a.find, a.replacement);
  }
  return null;
};

/** Module files of a folder and its sub-folders (`.ts .mts .js .mjs`, not declarations), at most 200. */
function moduleFilesUnder(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (out.length >= 200 || name === 'node_modules' || name.startsWith('.')) continue;
      const file = join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.m?[jt]s$/.test(name) && !/\.d\.m?ts$/.test(name)) out.push(file);
    }
  };
  walk(dir);
  return out;
}

/** The specifiers a module imports: static imports, re-exports, and `import('…')` of a literal. Empty when it does not parse. */
function importSpecifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  let parsed;
  try {
    parsed = parseSync(file, text);
  } catch {
    return []; // The catalogue reports a module that does not parse when it imports it.
  }
  const { staticImports, staticExports, dynamicImports } = parsed.module;
  const specs = [
    ...staticImports.map((i) => i.moduleRequest.value),
    ...staticExports.flatMap((e) => e.entries.map((x) => x.moduleRequest?.value)),
    ...dynamicImports.map((d) => /^(['"`])([^'"`]*)\1$/.exec(text.slice(d.moduleRequest.start, d.moduleRequest.end))?.[2]),
  ];
  return specs.filter((s): s is string => typeof s === 'string' && s !== '');
}

/**
 * Under `npm start` and `testfield open` (vite's dev server; not a build, not the test runner): the
 * simulation worker's core — `sim/`, the scenarios, the robot models and the fleet SDK, about 300
 * modules — is served as one chunk (plus thin entry chunks) that vite's bundler builds as the
 * server starts (about a second, in the background; saved in vite's cache folder and reused by the
 * next start while none of its files changed), instead of one request per module, which the
 * browser found one import level at a time: the longest part of the wait for the first frame.
 *
 * What stays source, each module lazily imported on its own as before: the worker entries, the
 * controller catalogue and every controller module (`robots/controllers/`, `robots/cells/`, the
 * user's `--controllers` folders), so a controller that fails to import is listed, not fatal, and
 * an edit reaches the page at once (`web/dev/controller-hot-reload.ts`). Their imports of the SDK
 * and of package modules are answered with the bundle's copies (each such module is an entry of
 * the bundle with its exports kept), so controllers and the simulation share one copy of each.
 * Dependencies (Rapier, zod, comlink …) stay vite's pre-bundled ones. An edit to a bundled module
 * rebuilds the core and reloads the page, as vite did when it served each module.
 */
export function workerCorePlugin(options: WorkerCorePluginOptions): Plugin {
  const core = resolve(options.core);
  const workerEntry = resolve(options.workerEntry);
  const sourceFiles = new Set(options.sourceFiles.map((f) => resolve(f)));
  const sourceDirs = options.sourceDirs.map((d) => resolve(d));
  const inSourceDir = (file: string) => sourceDirs.some((d) => file.startsWith(`${d}/`));
  const staysSource = (file: string) => sourceFiles.has(file) || inSourceDir(file);
  let mode = 'development';
  let root = options.packageRoot;
  /** Where a build is saved for the next server start (in vite's cache folder: removing it makes a start cold). */
  let savedFile: string | null = null;
  let current: Promise<CoreBuild> | null = null;
  let server: ViteDevServer | null = null;

  /** The package module a source module's specifier names, or null (a dependency, another source module, not a file). */
  const packageModule = (spec: string, importer: string): string | null => {
    let target = aliasTarget(options.aliases, spec);
    if (target === null) {
      if (isBare(spec)) return null;
      target = spec.startsWith('/') ? spec : resolve(dirname(importer), spec);
    }
    target = stripQuery(target);
    // (Dependencies' files are below the package's own node_modules; the package itself may lie in a project's node_modules.)
    if (
      !target.startsWith(options.packageRoot) ||
      target.slice(options.packageRoot.length).includes('node_modules/') ||
      staysSource(target) ||
      !target.endsWith('.ts') ||
      !existsSync(target)
    )
      return null;
    return target;
  };

  /** Package modules the source modules import: the bundle's entries besides the core. */
  const importedBySource = (): string[] => {
    const found = new Set<string>();
    for (const file of [...sourceFiles, ...sourceDirs.flatMap(moduleFilesUnder)]) {
      if (!existsSync(file)) continue;
      for (const spec of importSpecifiers(file)) {
        const target = packageModule(spec, file);
        if (target) found.add(target);
      }
    }
    found.delete(core);
    return [...found].sort();
  };

  const bundle = async (entries: readonly string[]): Promise<CoreBuild> => {
    const input: Record<string, string> = { core };
    for (const file of entries)
      input[
        relative(options.packageRoot, file)
          .replace(/\.ts$/, '')
          .replace(/[^A-Za-z0-9_-]/g, '_')
      ] = file;
    const output = await build({
      configFile: false,
      root: options.packageRoot,
      mode,
      logLevel: 'silent',
      publicDir: false,
      resolve: { alias: [...options.aliases] },
      plugins: [
        {
          name: 'testfield-worker-core-externals',
          enforce: 'pre',
          async resolveId(source, importer) {
            if (importer === undefined) return null;
            // Dependencies: vite's pre-bundled copies, shared with the page and the controllers.
            if (isBare(source) && aliasTarget(options.aliases, source) === null) return { id: source, external: true };
            const resolved = await this.resolve(source, importer, { skipSelf: true });
            if (resolved && !resolved.external && staysSource(stripQuery(resolved.id))) return { id: SOURCE_PREFIX + resolved.id, external: true };
            return null;
          },
        },
      ],
      build: {
        write: false,
        minify: false,
        sourcemap: true,
        target: 'es2022',
        modulePreload: false,
        copyPublicDir: false,
        emptyOutDir: false,
        reportCompressedSize: false,
        rolldownOptions: {
          input,
          preserveEntrySignatures: 'strict',
          output: {
            format: 'es',
            entryFileNames: '[name].js',
            chunkFileNames: '[name]-[hash].js',
            // Every module in one chunk, which the entries re-export from: one level of imports, not a chunk per combination of entries.
            codeSplitting: { groups: [{ name: 'worker-core', test: /\.ts$/ }] },
          },
        },
      },
    });
    const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
    const built: CoreBuild = { chunks: new Map(), entryOf: new Map(), modules: new Set() };
    for (const item of outputs.flatMap((o) => o.output)) {
      if (item.type !== 'chunk') continue;
      built.chunks.set(item.fileName, { code: item.code, map: item.map });
      if (item.isEntry && item.facadeModuleId) built.entryOf.set(stripQuery(item.facadeModuleId), item.fileName);
      for (const id of item.moduleIds) built.modules.add(stripQuery(id));
    }
    return built;
  };

  /** What a saved build must match besides its sources: this plugin's setup and vite's version. */
  const setupKey = (wanted: readonly string[]) => hashOf(JSON.stringify([viteVersion, mode, options.packageRoot, [...sourceFiles].sort(), sourceDirs, wanted]));

  /** The saved build, when every file it was built from is unchanged and it has the entries wanted now; else null. */
  const loadSaved = (wanted: readonly string[]): CoreBuild | null => {
    try {
      if (!savedFile || !existsSync(savedFile)) return null;
      const saved = JSON.parse(readFileSync(savedFile, 'utf8')) as SavedBuild;
      if (saved.key !== setupKey(wanted)) return null;
      for (const [file, hash] of Object.entries(saved.sources)) if (!existsSync(file) || hashOf(readFileSync(file)) !== hash) return null;
      return { chunks: new Map(saved.chunks), entryOf: new Map(saved.entryOf), modules: new Set(saved.modules) };
    } catch {
      return null;
    }
  };

  const save = (built: CoreBuild, wanted: readonly string[]) => {
    if (!savedFile) return;
    try {
      const sources: Record<string, string> = {};
      for (const file of built.modules) if (file.startsWith(options.packageRoot) && existsSync(file)) sources[file] = hashOf(readFileSync(file));
      const saved: SavedBuild = {
        key: setupKey(wanted),
        entries: [...wanted],
        sources,
        chunks: [...built.chunks],
        entryOf: [...built.entryOf],
        modules: [...built.modules],
      };
      mkdirSync(dirname(savedFile), { recursive: true });
      // Written aside and renamed: a server starting meanwhile reads the old build or the new one, never half of one.
      const aside = `${savedFile}.${process.pid}`;
      writeFileSync(aside, JSON.stringify(saved));
      renameSync(aside, savedFile);
    } catch {
      // Only the next start is slower.
    }
  };

  let entries: string[] = [];
  /** Starts a new build; the dev server's copies of the old one are dropped, and the bundled files are watched. */
  const rebuild = (reuseSaved = false): Promise<CoreBuild> => {
    const wanted = importedBySource();
    entries = wanted;
    const saved = reuseSaved ? loadSaved(wanted) : null;
    const next = saved ? Promise.resolve(saved) : bundle(wanted);
    if (!saved)
      next.then(
        (built) => save(built, wanted),
        () => {},
      );
    current = next;
    // A failed build is reported when a module of it is asked for.
    next.then(
      (built) => {
        if (!server) return;
        server.watcher.add([...built.modules].filter((f) => f.startsWith(options.packageRoot) && existsSync(f)));
        // Transformed before the browser asks (vite's import analysis of a megabyte chunk takes a while), as server.warmup does for the page.
        // So are the worker's entry and the source modules it loads before the first frame (the catalogue, the controllers).
        const env = server.environments.client;
        const urlOf = (file: string) => (file.startsWith(`${root}/`) ? `/${relative(root, file)}` : `/@fs${file}`);
        for (const name of built.chunks.keys()) void env.warmupRequest(CORE_PREFIX + name);
        void env.warmupRequest(`${urlOf(workerEntry)}?worker_file&type=module`);
        for (const file of [...sourceFiles, ...sourceDirs.flatMap(moduleFilesUnder)]) if (existsSync(file)) void env.warmupRequest(urlOf(file));
      },
      () => {},
    );
    if (server) {
      const graph = server.environments.client.moduleGraph;
      for (const [id, mod] of graph.idToModuleMap) if (id.startsWith(CORE_PREFIX)) graph.invalidateModule(mod);
    }
    return next;
  };
  const latest = () => current ?? rebuild(true);

  return {
    name: 'testfield-worker-core',
    enforce: 'pre',
    // The dev server only: a build bundles the worker anyway, and the test runner (mode `test`) imports modules one by one.
    apply: (_config, env) => env.command === 'serve' && env.mode !== 'test' && env.isPreview !== true,
    configResolved(config) {
      mode = config.mode;
      root = config.root;
      savedFile = join(config.cacheDir, `testfield-worker-core-${mode}.json`);
    },
    configureServer(s) {
      server = s;
      // At once: the saved build when nothing it was made of changed (a warm start), else a new one, ready or nearly when the browser first asks.
      void rebuild(true);
      const onChange = async (file: string) => {
        const built = await current?.catch(() => null);
        if (built === null || built === undefined || built.modules.has(file)) {
          // The simulation changed (or the last build failed): a new core, and the page reloads onto it.
          const reload = () => s.ws.send({ type: 'full-reload' });
          await rebuild().then(reload, reload);
        } else if (staysSource(file) && importedBySource().join('\n') !== entries.join('\n')) {
          // A controller now imports another package module, which must be an entry of the core.
          void rebuild();
        }
      };
      for (const event of ['add', 'change', 'unlink'] as const) s.watcher.on(event, (file: string) => void onChange(resolve(file)));
    },
    async resolveId(source, importer) {
      if (source.startsWith(SOURCE_PREFIX)) return source.slice(SOURCE_PREFIX.length);
      if (source.startsWith(CORE_PREFIX)) return source;
      if (importer === undefined) return null;
      if (importer.startsWith(CORE_PREFIX)) return source.startsWith('./') ? CORE_PREFIX + source.slice(2) : null;
      const from = stripQuery(importer);
      if (!staysSource(from) && from !== workerEntry) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (!resolved || resolved.external || (from === workerEntry && stripQuery(resolved.id) !== core)) return null;
      const chunk = (await latest().catch(() => null))?.entryOf.get(stripQuery(resolved.id));
      return chunk ? CORE_PREFIX + chunk : null;
    },
    async load(id) {
      if (!id.startsWith(CORE_PREFIX)) return null;
      const name = id.slice(CORE_PREFIX.length);
      const chunk = (await latest()).chunks.get(name);
      if (!chunk) throw new Error(`the worker core has no chunk ${name} (it was rebuilt since: reload the page)`);
      return { code: chunk.code, map: chunk.map };
    },
  };
}
