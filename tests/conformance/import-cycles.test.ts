import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, groupGraph, importGraph, tsFiles } from './import-graph.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE_DIRS = ['sim', 'scenarios', 'robots', 'web', 'bench'];
const graph = importGraph(
  ROOT,
  SOURCE_DIRS.flatMap((d) => tsFiles(ROOT, d)),
);
const top = (file: string) => file.split('/')[0]!;

/**
 * The layering the architecture promises, checked on run-time imports (type-only imports erase):
 * no module cycles anywhere, no cycles between `sim/` folders, `sim/` imports nothing else of the
 * repo, and the hosts never reach into `tests/`.
 */
describe('import graph', () => {
  it('has no module cycles', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no cycles between the folders of sim/ (kinds count as one folder)', () => {
    const folderOf = (file: string) => (file.startsWith('sim/') ? (file.split('/').length > 2 ? file.split('/')[1]! : 'index') : top(file));
    const sim = new Map([...graph].filter(([f]) => f.startsWith('sim/')));
    expect(cycles(groupGraph(sim, folderOf))).toEqual([]);
  });

  it('has no cycles between the top-level folders, and sim/ imports none of them', () => {
    const folders = groupGraph(graph, top);
    expect(cycles(folders)).toEqual([]);
    expect(folders.get('sim') ?? []).toEqual([]);
  });

  it('keeps tests/ out of the hosts and the core', () => {
    const intoTests = [...graph].flatMap(([file, deps]) => deps.filter((d) => d.startsWith('tests/')).map((d) => `${file} → ${d}`));
    expect(intoTests).toEqual([]);
  });

  it('sees real imports (the parser is not blind)', () => {
    expect(graph.get('sim/host/sim-host.ts')).toContain('sim/step/step-sim.ts');
    expect(graph.get('sim/model/sim-model.ts')).not.toContain('sim/kind/kind-registry.ts');
    expect(graph.get('sim/kind/kind-registry.ts')).toContain('sim/kind/stage-slots.ts');
  });
});
