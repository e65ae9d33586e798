import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinKinds, FLEET_KPI_META } from '../../sim/index.ts';
import { scenarios } from '../../scenarios/index.ts';
import { blockText, markedBlock, REFERENCE_TABLES, REPO_ROOT, withBlock } from '../../bench/cli/docs/reference-tables.ts';

const readme = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');
const tableOf = (name: string) => REFERENCE_TABLES.find((t) => t.name === name)!;

/** Why a README's block is stale: the first line that differs, and the command that fixes it. */
function staleness(file: string, name: string, committed: string | undefined, expected: string): string | undefined {
  if (committed === undefined) return `${file} has no <!-- generated:${name} --> … <!-- /generated:${name} --> block: add the markers, then run npm run docs`;
  if (committed === expected) return undefined;
  const have = committed.split('\n');
  const want = expected.split('\n');
  const at = want.findIndex((line, k) => have[k] !== line);
  const k = at < 0 ? want.length : at;
  return `${file}: the generated ${name} table is out of date (first difference at its line ${k + 1}: has ${JSON.stringify(have[k] ?? '<end>')}, the code gives ${JSON.stringify(want[k] ?? '<end>')}); run npm run docs`;
}

describe('README reference tables are generated from the code and current', () => {
  for (const table of REFERENCE_TABLES) {
    it(`${table.file}: ${table.name}`, () => {
      const problem = staleness(table.file, table.name, markedBlock(readme(table.file), table.name), blockText(table.render()));
      expect(problem, problem).toBeUndefined();
    });
  }

  it('a hand edit inside a block is caught with the fix named', () => {
    const { file, name } = tableOf('layout-legend');
    const edited = readme(file).replace('| `#` | `world` | wall |', '| `#` | `world` | a wall |');
    expect(edited).not.toBe(readme(file));
    expect(staleness(file, name, markedBlock(edited, name), blockText(tableOf(name).render()))).toMatch(
      /layout-legend table is out of date .*"\| `#` \| `world` \| a wall \|".*run npm run docs/,
    );
    // Writing the block back gives the committed README again.
    expect(withBlock(edited, file, name, tableOf(name).render())).toBe(readme(file));
  });

  it('a README that lost its markers is named', () => {
    expect(() => withBlock('# no markers\n', 'x/README.md', 'kpi-list', '')).toThrow(
      'x/README.md: no <!-- generated:kpi-list --> … <!-- /generated:kpi-list --> block',
    );
    expect(staleness('x/README.md', 'kpi-list', markedBlock('# none\n', 'kpi-list'), '')).toMatch(/add the markers, then run npm run docs/);
  });

  it('every layout character, scenario, KPI and command is in its table', () => {
    const legend = tableOf('layout-legend').render();
    for (const [char, entry] of Object.entries(builtinKinds.legend)) expect(legend).toContain(`| \`${char}\` | \`${entry.kind}\` |`);
    expect(legend.split('\n')).toHaveLength(2 + Object.keys(builtinKinds.legend).length);

    const library = tableOf('scenario-library').render();
    for (const id of Object.keys(scenarios)) expect(library).toContain(`| \`${id}\` | ${scenarios[id]!.title} |`);
    expect(library).toContain('| `warehouse/g2p-small@1` | Goods-to-person, small | 20 × `shelf-lifter` | 60 min |');

    const kpis = tableOf('kpi-list').render();
    for (const f of FLEET_KPI_META) expect(kpis).toContain(`| \`${f.path}\` | \`fleet\` |`);
    for (const kind of builtinKinds.kinds)
      for (const key of Object.keys(kind.kpis?.meta.figures ?? {})) expect(kpis).toContain(`| \`things.${kind.id}.${key}\` | \`${kind.id}\` |`);
    expect(kpis).toContain('| `throughputPerHour` | `fleet` | throughput | orders/h | higher | headline (rank 4) |');

    const cli = tableOf('cli-reference').render();
    for (const command of ['list', 'run [scenario]', 'validate <file>', 'suite [name]', 'gym train', 'vda5050 serve <scenario>'])
      expect(cli).toContain(`| \`${command}\` |`);
    expect(cli).toContain('|  | `--controller <name\\|file>` | fleet controller: a registered name or a module path');
  });

  it('rendering is stable: the same Markdown twice, rows in a fixed order', () => {
    for (const table of REFERENCE_TABLES) expect(table.render()).toBe(table.render());
    const ids = [
      ...tableOf('scenario-library')
        .render()
        .matchAll(/^\| `([^`]+)`/gm),
    ].map((m) => m[1]!);
    expect(ids).toEqual([...ids].sort());
  });
});
