/**
 * Records one measurement into the committed results store (`bench/data/results/NAME.json`): runs
 * the measuring command with `--json` into a temporary file and writes that JSON, unchanged, under
 * `output`, beside a small header saying how it was made (`recorded`: the command line, the
 * machine, the date, the git commit, the load before and after). `npm run docs` then renders the
 * READMEs' measured-figures tables from these files (measured-tables.ts).
 *
 *   npm run docs -- record perf-g2p -- perf --repeat 3
 *   npm run docs -- record frame-time -- bench/run/browser-frame-time.ts --robots 100,1000
 *
 * The words after `--` are a `bench` command, or a `.ts` script under the repository run with tsx.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tsxExportUrl } from '../../run/ts-worker.ts';
import { loadNow, machineLine } from '../commands/machine-load.ts';
import { REPO_ROOT } from './reference-tables.ts';
import { type RecordedResult, resultsPath } from './results-store.ts';

/** The git commit the measurement ran on (`+dirty` when tracked files other than Markdown had uncommitted changes). */
function gitCommit(root: string): string {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    // Edited READMEs do not change what is measured; any other tracked change does.
    const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).split('\n');
    const dirty = changed.some((line) => line.trim() !== '' && !line.trimEnd().endsWith('.md'));
    return dirty ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}

/** The command as a reader would type it in the repository: `npm run bench -- …` or `npx tsx script.ts …`. */
export function commandLine(args: readonly string[]): string {
  const quoted = args.map((a) => (/^[\w@%+=:,./<>-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`));
  return args[0]?.endsWith('.ts') ? `npx tsx ${quoted.join(' ')}` : `npm run bench -- ${quoted.join(' ')}`;
}

/**
 * Runs `args` (a bench command or a `.ts` script) with `--json` into a temporary file and stores the
 * result as `bench/data/results/NAME.json`. @returns the stored file's path.
 * @throws Error naming the command when it fails or writes no JSON.
 */
export function recordResult(name: string, args: readonly string[], root: string = REPO_ROOT): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`record: name "${name}" must be lower-case letters, digits and dashes (it names the results file)`);
  if (args.length === 0) throw new Error('record: no command after the name (e.g. npm run docs -- record perf-g2p -- perf --repeat 3)');
  if (args.includes('--json')) throw new Error('record: leave --json out, the recorder adds it');
  const tmp = mkdtempSync(join(tmpdir(), 'testfield-record-'));
  try {
    const out = join(tmp, 'output.json');
    // A script is run from the root given; a bench command always by this checkout's CLI.
    const script = args[0]!.endsWith('.ts') ? [resolve(root, args[0]!)] : [join(REPO_ROOT, 'bench', 'cli', 'cli.ts'), args[0]!];
    const date = new Date().toISOString();
    const commit = gitCommit(root);
    const loadBefore = loadNow();
    const child = spawnSync(process.execPath, ['--import', tsxExportUrl('.'), ...script, ...args.slice(1), '--json', out], { cwd: root, stdio: 'inherit' });
    const loadAfter = loadNow();
    // A command may exit non-zero and still have measured (a suite whose run stalled exits 1): its JSON is kept with the code.
    const exit = child.status ?? child.signal;
    let output: unknown;
    try {
      output = JSON.parse(readFileSync(out, 'utf8'));
    } catch (error) {
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new Error(`record: ${commandLine(args)} ${exit !== 0 ? `exited with ${exit} and ` : ''}wrote no readable --json file (${why}); nothing stored`);
    }
    const result: RecordedResult = {
      recorded: {
        command: commandLine(args),
        machine: machineLine(),
        date,
        commit,
        loadBefore,
        loadAfter,
        ...(exit !== 0 ? { exitCode: Number(exit) || String(exit) } : {}),
      },
      output,
    };
    const path = resultsPath(name, root);
    writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
    return path;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
