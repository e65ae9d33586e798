import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Every README of the project: the top one and each folder's. */
const READMES = [
  'README.md',
  'sim/README.md',
  'scenarios/README.md',
  'robots/README.md',
  'robots/learn/README.md',
  'web/README.md',
  'bench/README.md',
  'tests/README.md',
];
const README = READMES.map((file) => readFileSync(join(ROOT, file), 'utf8')).join('\n');
/** Two folders deep, like `tests/fixtures/`: the snippets import `../../robots/index.ts`. */
const DIR = join(ROOT, 'tests', `readme-snippets-${process.pid}`);

/** The ```ts blocks of the README sections a user writes code from (the SDK in robots/README.md, learned policies in robots/learn/README.md). */
function snippets(): Array<{ section: string; code: string }> {
  const out: Array<{ section: string; code: string }> = [];
  for (const section of ['sdk', 'policies']) {
    const start = README.indexOf(`<!-- ${section}:start -->`);
    const end = README.indexOf(`<!-- ${section}:end -->`);
    if (start < 0 || end < start) throw new Error(`README has no ${section} section markers`);
    for (const m of README.slice(start, end).matchAll(/```ts\n([\s\S]*?)```/g)) out.push({ section, code: m[1]! });
  }
  return out;
}

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('README snippets', () => {
  it('every ```ts snippet of the SDK and learned-policies sections typechecks against the code', () => {
    const list = snippets();
    expect(list.length).toBeGreaterThanOrEqual(3);
    mkdirSync(DIR, { recursive: true });
    list.forEach((s, k) =>
      writeFileSync(join(DIR, `${s.section}-${k}.ts`), s.code.includes('export') || s.code.includes('import') ? s.code : `${s.code}\nexport {};\n`),
    );
    writeFileSync(join(DIR, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.json', include: ['*.ts'] }));
    const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
    expect(existsSync(tsc)).toBe(true);
    const run = spawnSync(tsc, ['--noEmit', '-p', join(DIR, 'tsconfig.json')], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('a snippet that does not fit the code fails the check (the check is not blind)', () => {
    mkdirSync(DIR, { recursive: true });
    const bad = join(DIR, 'bad');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'wrong.ts'), "import { drive } from '../../../sim/index.ts';\nexport const c = drive(0, 'fast', 1);\n");
    writeFileSync(join(bad, 'tsconfig.json'), JSON.stringify({ extends: '../../../tsconfig.json', include: ['*.ts'] }));
    const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', join(bad, 'tsconfig.json')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toMatch(/wrong\.ts/);
  });
});
