/**
 * The READMEs' reference tables, generated from the code so they cannot drift: the layout legend
 * and the scenario library (scenarios/README.md), the KPI list and the CLI commands and options
 * (bench/README.md). Each table sits between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`;
 * `npm run docs` (docs.ts) rewrites those blocks, and tests/readme/reference-tables.test.ts fails when one is
 * stale. Output is stable: no timestamps, a fixed order for every row.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command, Option } from 'commander';
import { builtinKinds, kpiCatalogue, type KpiFigureMeta } from '../../../sim/index.ts';
import { scenarios } from '../../../scenarios/index.ts';
import { createCliProgram } from '../run-cli.ts';

/** The repository root (two folders up from this file). */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** One generated table: its marker name, the README (relative to the root) that holds it, and its Markdown. */
export interface ReferenceTable {
  readonly name: string;
  readonly file: string;
  render(): string;
}

/** Pipes escaped (they would end the cell, even inside code spans) and line breaks folded. */
function tableSafe(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

/** Prose safe inside a Markdown table cell: also `<` escaped outside its code spans, so `<suite>` is not read as HTML. */
function cell(text: string): string {
  return tableSafe(text)
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') ? part : part.replace(/</g, '\\<')))
    .join('');
}

/** Text as inline code inside a table cell (a backtick in it gets a longer fence). */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${tableSafe(text)}${pad}${fence}`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** Every layout character: the kind that owns it (`world` for the floor itself) and what it means; world first, then kinds in registry order. */
export function layoutLegendTable(): string {
  const rows = Object.entries(builtinKinds.legend).map(([char, entry]) => [code(char), code(entry.kind), cell(entry.meaning)]);
  return table(['char', 'kind', 'meaning'], rows);
}

/** A fleet as `20 × shelf-lifter`, or `–` when the scenario has no robots. */
function robotsOf(spec: Readonly<Record<string, unknown>>): string {
  const fleet = Array.isArray(spec.fleet) ? (spec.fleet as ReadonlyArray<Record<string, unknown>>) : [];
  if (fleet.length === 0) return '–';
  return fleet
    .map((group) => {
      const count = typeof group.count === 'number' ? group.count : Array.isArray(group.spawnCells) ? group.spawnCells.length : undefined;
      return `${count ?? '?'} × ${code(String(group.model ?? '?'))}`;
    })
    .join(', ');
}

/** A horizon in seconds as `60 min` / `3600 s`. */
function horizonOf(sec: unknown): string {
  if (typeof sec !== 'number') return '–';
  return sec % 60 === 0 ? `${sec / 60} min` : `${sec} s`;
}

/** Every registered scenario, sorted by versioned id: title, robots, simulated horizon and what it stresses. */
export function scenarioLibraryTable(): string {
  const rows = Object.keys(scenarios)
    .sort()
    .map((id) => {
      const spec = scenarios[id]! as unknown as Readonly<Record<string, unknown>>;
      const stresses = typeof spec.stresses === 'string' && spec.stresses ? spec.stresses : String(spec.description ?? '');
      return [code(id), cell(String(spec.title ?? '')), robotsOf(spec), horizonOf(spec.horizonSec), cell(stresses)];
    });
  return table(['scenario', 'title', 'robots', 'horizon', 'what it stresses'], rows);
}

function kpiNotes(meta: KpiFigureMeta): string {
  const notes: string[] = [];
  if (meta.headline !== undefined) notes.push(`headline (rank ${meta.headline})`);
  if (meta.detailOf !== undefined) notes.push(`shown with ${code(meta.detailOf)}`);
  if (meta.omitZero) notes.push('shown when non-zero');
  if (meta.hidden) notes.push('JSON only');
  return notes.join('; ');
}

function kpiRow(key: string, kind: string, meta: KpiFigureMeta): string[] {
  return [code(key), kind, cell(meta.title), meta.unit ? cell(meta.unit) : '–', meta.better, kpiNotes(meta)];
}

/**
 * Every KPI a run can report, in report order: the fleet's own figures, then each kind's (its
 * figures, its per-thing figures under `<thing>`, its figures named at run time under `<name>`).
 */
export function kpiListTable(): string {
  const everyKind = Object.fromEntries(builtinKinds.kinds.map((kind) => [kind.id, 1]));
  const rows = kpiCatalogue(builtinKinds, everyKind).map((d) => kpiRow(d.key, d.kind ?? 'fleet', d));
  for (const kind of builtinKinds.kinds) {
    const meta = kind.kpis?.meta;
    if (!meta) continue;
    const thing = meta.thing ?? 'thing';
    for (const [figure, m] of Object.entries(meta.perThing ?? {})) {
      const detailOf = m.detailOf !== undefined ? `things.${kind.id}.<${thing}>.${m.detailOf}` : undefined;
      rows.push(kpiRow(`things.${kind.id}.<${thing}>.${figure}`, kind.id, { ...m, ...(detailOf ? { detailOf } : {}) }));
    }
    if (meta.other) {
      const detailOf = meta.other.detailOf !== undefined ? `things.${kind.id}.${meta.other.detailOf}` : undefined;
      rows.push(kpiRow(`things.${kind.id}.<name>`, kind.id, { ...meta.other, title: `<name> ${meta.other.title}`.trim(), ...(detailOf ? { detailOf } : {}) }));
    }
  }
  // Per-thing and run-time rows were appended after all kinds: put each kind's rows together, keeping order within a kind.
  const kindOrder = ['fleet', ...builtinKinds.kinds.map((k) => k.id)];
  const indexed = rows.map((row, at) => ({ row, at }));
  indexed.sort((a, b) => kindOrder.indexOf(a.row[1]!) - kindOrder.indexOf(b.row[1]!) || a.at - b.at);
  return table(
    ['key', 'kind', 'title', 'unit', 'better', 'notes'],
    indexed.map(({ row }) => [row[0]!, code(row[1]!), ...row.slice(2)]),
  );
}

function optionDefault(option: Option): string {
  if (option.description.includes('(default')) return '';
  if (option.defaultValueDescription) return cell(option.defaultValueDescription);
  if (option.defaultValue === undefined || option.defaultValue === false) return '';
  return code(JSON.stringify(option.defaultValue));
}

function commandRows(command: Command, path: string): string[][] {
  const args = command.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`));
  const usage = [path, ...args].join(' ');
  const rows: string[][] = [[code(usage), '', cell(command.description())]];
  for (const option of command.options) {
    if (option.hidden) continue;
    rows.push(['', code(option.flags), cell(option.description) + (optionDefault(option) ? ` (default ${optionDefault(option)})` : '')]);
  }
  for (const sub of [...command.commands].sort((a, b) => a.name().localeCompare(b.name()))) rows.push(...commandRows(sub, `${path} ${sub.name()}`));
  return rows;
}

/** Every bench command (sorted by name, sub-commands under their parent) with its arguments and options, as declared to commander. */
export function cliReferenceTable(): string {
  const program = createCliProgram('bench');
  const rows = [...program.commands].sort((a, b) => a.name().localeCompare(b.name())).flatMap((command) => commandRows(command, command.name()));
  return table(['command', 'option', 'what'], rows);
}

/** Every generated table and the README it lives in. */
export const REFERENCE_TABLES: readonly ReferenceTable[] = [
  { name: 'layout-legend', file: 'scenarios/README.md', render: layoutLegendTable },
  { name: 'scenario-library', file: 'scenarios/README.md', render: scenarioLibraryTable },
  { name: 'kpi-list', file: 'bench/README.md', render: kpiListTable },
  { name: 'cli-reference', file: 'bench/README.md', render: cliReferenceTable },
];

const open = (name: string) => `<!-- generated:${name} -->`;
const close = (name: string) => `<!-- /generated:${name} -->`;

/** The text between a table's markers (without them), or undefined when the README lacks a marker pair. */
export function markedBlock(readme: string, name: string): string | undefined {
  const start = readme.indexOf(open(name));
  const end = readme.indexOf(close(name));
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + open(name).length, end);
}

/** The note at the top of every reference block. */
export const REFERENCE_NOTE = '<!-- written by `npm run docs` (bench/cli/docs/reference-tables.ts); edit the code, not this table -->';

/** What goes between the markers for a rendered table (`note` says where it comes from). */
export function blockText(rendered: string, note: string = REFERENCE_NOTE): string {
  return `\n${note}\n${rendered}\n`;
}

/** The README with the named block replaced. @throws Error naming the file and the marker when it is missing. */
export function withBlock(readme: string, file: string, name: string, rendered: string, note: string = REFERENCE_NOTE): string {
  const start = readme.indexOf(open(name));
  const end = readme.indexOf(close(name));
  if (start < 0 || end < start) throw new Error(`${file}: no ${open(name)} … ${close(name)} block`);
  return readme.slice(0, start + open(name).length) + blockText(rendered, note) + readme.slice(end);
}

/** Rewrites every README's generated blocks; returns the files that changed. */
export function writeReferenceTables(root: string = REPO_ROOT): string[] {
  const changed: string[] = [];
  for (const file of [...new Set(REFERENCE_TABLES.map((t) => t.file))]) {
    const path = join(root, file);
    const before = readFileSync(path, 'utf8');
    const after = REFERENCE_TABLES.filter((t) => t.file === file).reduce((text, t) => withBlock(text, file, t.name, t.render()), before);
    if (after !== before) {
      writeFileSync(path, after);
      changed.push(file);
    }
  }
  return changed;
}
