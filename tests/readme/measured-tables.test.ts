import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MEASURED_NOTE, MEASURED_TABLES, writeMeasuredTables } from '../../bench/cli/docs/measured-tables.ts';
import { commandLine, recordResult } from '../../bench/cli/docs/record-result.ts';
import { blockText, markedBlock, REPO_ROOT } from '../../bench/cli/docs/reference-tables.ts';
import { RESULTS_DIR, readResult } from '../../bench/cli/docs/results-store.ts';

const readme = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');

/** Why a README's measured block is stale: the first line that differs, and the command that fixes it. */
function staleness(file: string, name: string, committed: string | undefined, expected: string): string | undefined {
  if (committed === undefined) return `${file} has no <!-- generated:${name} --> … <!-- /generated:${name} --> block: add the markers, then run npm run docs`;
  if (committed === expected) return undefined;
  const have = committed.split('\n');
  const want = expected.split('\n');
  const k = Math.max(
    0,
    want.findIndex((line, i) => have[i] !== line),
  );
  return `${file}: the measured ${name} table differs from its results (first difference at its line ${k + 1}: has ${JSON.stringify(have[k] ?? '<end>')}, the results give ${JSON.stringify(want[k] ?? '<end>')}); run npm run docs`;
}

const tmpRoots: string[] = [];
afterAll(() => {
  for (const dir of tmpRoots) rmSync(dir, { recursive: true, force: true });
});

/** A scratch copy of the READMEs and the results a table needs, to edit without touching the checkout. */
function scratchRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'measured-tables-'));
  tmpRoots.push(root);
  for (const file of new Set(MEASURED_TABLES.map((t) => t.file))) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    cpSync(join(REPO_ROOT, file), join(root, file));
  }
  cpSync(join(REPO_ROOT, RESULTS_DIR), join(root, RESULTS_DIR), { recursive: true });
  cpSync(join(REPO_ROOT, 'bench/data/compare'), join(root, 'bench/data/compare'), { recursive: true });
  return root;
}

describe('README measured-figures tables are drawn from the committed results', () => {
  for (const table of MEASURED_TABLES) {
    it(`${table.file}: ${table.name}`, () => {
      const problem = staleness(table.file, table.name, markedBlock(readme(table.file), table.name), blockText(table.render(), MEASURED_NOTE));
      expect(problem, problem).toBeUndefined();
    });
  }

  it('every results file is drawn by a table, and every table names the commands that measured it', () => {
    const used = new Set(MEASURED_TABLES.flatMap((t) => t.results));
    const stored = readdirSync(join(REPO_ROOT, RESULTS_DIR)).filter((f) => f.endsWith('.json'));
    expect(stored.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...used].sort());
    for (const table of MEASURED_TABLES) {
      const text = table.render();
      for (const name of table.results) {
        const { recorded } = readResult(name, z.unknown());
        expect(text).toContain(`\`${recorded.command}\``);
        expect(text).toContain(`re-measured by \`npm run docs -- record ${name} -- `);
      }
    }
  });

  it('a figure changed in a results file changes the README table, and the test names the line', () => {
    const name = MEASURED_TABLES.find((t) => t.results.length > 0)!.results[0]!;
    const table = MEASURED_TABLES.find((t) => t.results.includes(name))!;
    const root = scratchRoot();
    const path = join(root, RESULTS_DIR, `${name}.json`);
    const before = readFileSync(path, 'utf8');
    // The machine's load at the start is printed in every provenance line: bump it to a value no run reports.
    writeFileSync(path, before.replace(/"loadBefore": [\d.]+/, '"loadBefore": 987.6'));
    const fresh = blockText(table.render(root), MEASURED_NOTE);
    const problem = staleness(table.file, table.name, markedBlock(readme(table.file), table.name), fresh);
    expect(problem).toMatch(new RegExp(`measured ${table.name} table differs from its results .*987\\.6.*run npm run docs`));
    expect(writeMeasuredTables(root, [table])).toEqual([table.file]);
    expect(readFileSync(join(root, table.file), 'utf8')).toContain('load 987.6 → ');
    // Drawn again from the same results, nothing changes.
    expect(writeMeasuredTables(root, [table])).toEqual([]);
  });

  it('a results file with a missing or wrong field is named, file and field', () => {
    const root = scratchRoot();
    const name = 'broken';
    writeFileSync(
      join(root, RESULTS_DIR, `${name}.json`),
      JSON.stringify({
        recorded: { command: 'npm run bench -- perf', machine: 'm', date: '2026-12-06T18:00:00.000Z', loadBefore: 1, loadAfter: 1 },
        output: [],
      }),
    );
    expect(() => readResult(name, z.array(z.unknown()), root)).toThrow(`${RESULTS_DIR}/broken.json: recorded.commit:`);
    writeFileSync(
      join(root, RESULTS_DIR, `${name}.json`),
      JSON.stringify({
        recorded: { command: 'c', machine: 'm', date: '2026-12-06T18:00:00.000Z', commit: 'abc', loadBefore: 1, loadAfter: 1 },
        output: [{ tickMs: 'x' }],
      }),
    );
    expect(() => readResult(name, z.array(z.object({ tickMs: z.number() })), root)).toThrow(`${RESULTS_DIR}/broken.json: output.0.tickMs:`);
    expect(() => readResult('absent', z.unknown(), root)).toThrow(`${RESULTS_DIR}/absent.json: ENOENT`);
  });

  it('record stores the command’s own --json output under a header saying how it was made', () => {
    const root = mkdtempSync(join(tmpdir(), 'record-result-'));
    tmpRoots.push(root);
    mkdirSync(join(root, RESULTS_DIR), { recursive: true });
    // A measuring script that writes its figures where --json says, as every bench command does.
    writeFileSync(
      join(root, 'measure.ts'),
      "import { writeFileSync } from 'node:fs';\nconst at = process.argv.indexOf('--json');\nwriteFileSync(process.argv[at + 1]!, JSON.stringify({ robots: Number(process.argv[2]), tickMs: 0.25 }));\n",
    );
    const path = recordResult('probe', ['measure.ts', '42'], root);
    expect(path).toBe(join(root, RESULTS_DIR, 'probe.json'));
    const stored = readResult('probe', z.object({ robots: z.number(), tickMs: z.number() }), root);
    expect(stored.output).toEqual({ robots: 42, tickMs: 0.25 });
    expect(stored.recorded.command).toBe('npx tsx measure.ts 42');
    expect(stored.recorded.machine).toMatch(/^\d+ × .+, \d+ GB$/);
    expect(Date.now() - Date.parse(stored.recorded.date)).toBeLessThan(10 * 60_000);

    expect(() => recordResult('probe', ['measure.ts', '--json', 'x.json'], root)).toThrow('record: leave --json out, the recorder adds it');
    expect(() => recordResult('Bad Name', ['perf'], root)).toThrow('record: name "Bad Name" must be lower-case');
    writeFileSync(join(root, 'fails.ts'), 'process.exit(3);\n');
    expect(() => recordResult('probe', ['fails.ts'], root)).toThrow('record: npx tsx fails.ts exited with 3 and wrote no readable --json file (ENOENT');
    // The failed run left the stored result as it was.
    expect(readResult('probe', z.object({ robots: z.number() }), root).output.robots).toBe(42);
    expect(readResult('probe', z.unknown(), root).recorded.exitCode).toBeUndefined();
    // A command that measured and then exited non-zero (a suite whose run stalled) is kept, with its exit code.
    writeFileSync(join(root, 'gate-fails.ts'), `${readFileSync(join(root, 'measure.ts'), 'utf8')}process.exitCode = 1;\n`);
    recordResult('probe', ['gate-fails.ts', '7'], root);
    const kept = readResult('probe', z.object({ robots: z.number() }), root);
    expect(kept.output.robots).toBe(7);
    expect(kept.recorded.exitCode).toBe(1);
  }, 60_000);

  it('the command line is printed as a reader types it', () => {
    expect(commandLine(['perf', '--scenario', 'wh1000.json', '--controller', 'pibt'])).toBe('npm run bench -- perf --scenario wh1000.json --controller pibt');
    expect(commandLine(['first-frame', '--query', '?scenario=production/flow-line'])).toBe(
      "npm run bench -- first-frame --query '?scenario=production/flow-line'",
    );
    expect(commandLine(['bench/run/browser-frame-time.ts', '--robots', '100,1000'])).toBe('npx tsx bench/run/browser-frame-time.ts --robots 100,1000');
  });

  it('every measured block is in its README once', () => {
    for (const table of MEASURED_TABLES) expect(readme(table.file).split(`<!-- generated:${table.name} -->`)).toHaveLength(2);
  });
});
