import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** Runtime imports of one module (type-only imports erase at build time and cannot form a cycle). */
export function runtimeImports(source: string, withTypes = false): string[] {
  const out: string[] = [];
  const statement = /(?:^|\n)\s*(import|export)\s+([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(statement)) {
    const clause = m[2]!.trim();
    if (!withTypes && /^type\b/.test(clause)) continue;
    if (withTypes) {
      out.push(m[3]!);
      continue;
    }
    const named = clause.match(/^\{([^}]*)\}$/);
    if (
      named &&
      named[1]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .every((s) => s.startsWith('type '))
    )
      continue;
    out.push(m[3]!);
  }
  for (const m of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  for (const m of source.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) out.push(m[1]!);
  return out;
}

/** Every `.ts` file under `dir` (repo-relative paths), skipping node_modules. */
export function tsFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(join(root, d))) {
      if (name === 'node_modules') continue;
      const path = join(d, name);
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * The module graph: file → the repo files it imports (relative imports only): at run time, or with
 * `withTypes` type-only imports as well (a circle of types still ties the files' meaning together).
 */
export function importGraph(root: string, files: readonly string[], withTypes = false): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const deps = runtimeImports(readFileSync(join(root, file), 'utf8'), withTypes)
      .filter((s) => s.startsWith('.'))
      .map((s) => normalize(join(dirname(file), s)));
    graph.set(file, deps);
  }
  return graph;
}

/** Strongly connected components with more than one member (or a self-loop): the cycles. */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

/** The graph between groups of files (`groupOf` names each file's group), without edges inside a group. */
export function groupGraph(graph: ReadonlyMap<string, readonly string[]>, groupOf: (file: string) => string): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const [file, deps] of graph) {
    const g = groupOf(file);
    if (!out.has(g)) out.set(g, new Set());
    for (const d of deps) {
      const h = groupOf(d);
      if (h !== g) out.get(g)!.add(h);
    }
  }
  return new Map([...out].map(([g, s]) => [g, [...s]]));
}

export { relative };
