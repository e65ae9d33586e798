import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { SCENARIO_SCHEMA_FILE } from '../../run/files/scenario-json-schema.ts';
import { resolveScenario } from '../../run/registry.ts';
import { UsageError } from '../../run/usage-error.ts';
import type { ScenarioSpecInput } from '../../../sim/index.ts';
import { importForRun } from './run-imported.ts';

/**
 * A scenario as the text of a scenario file: pretty JSON (2 spaces, trailing newline) whose
 * first key is `$schema` (`schemaRef`), then the spec as authored (defaults not filled in).
 */
export function scenarioFileText(spec: ScenarioSpecInput, schemaRef: string): string {
  const { $schema: _ignored, ...rest } = spec as ScenarioSpecInput & { $schema?: unknown };
  return `${JSON.stringify({ $schema: schemaRef, ...rest }, null, 2)}\n`;
}

/** `./scenario.schema.json`-style reference from a folder to the committed scenario schema. */
export function schemaRefFrom(dir: string): string {
  const ref = relative(dir, fileURLToPath(SCENARIO_SCHEMA_FILE)).split('\\').join('/');
  return ref.startsWith('.') ? ref : `./${ref}`;
}

/**
 * `bench export <id> [--out FILE]`: a registered scenario as a scenario JSON file.
 * `bench export --import FILE [--robots N]`: an imported MovingAI map or LoRR problem instead, e.g.
 * for `bench perf --scenario` at the problem's scale.
 */
export function exportCommand(): Command {
  return new Command('export')
    .description('write a registered scenario as a scenario JSON file (stdout, or --out FILE)')
    .argument('[scenario]', 'scenario id, e.g. warehouse/g2p-small')
    .option('--import <file>', 'export an imported MovingAI .map or LoRR problem .json instead of a registered scenario')
    .option('--robots <n>', 'with --import: robots (a LoRR problem: its first n agents)', (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`--robots must be an integer >= 1, got "${v}"`);
      return n;
    })
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--schema-ref <ref>', '"$schema" value (default: the path from the output\'s folder to scenarios/scenario.schema.json)')
    .action((scenario: string | undefined, opts: { out?: string; schemaRef?: string; import?: string; robots?: number }) => {
      if ((scenario === undefined) === (opts.import === undefined)) throw new UsageError('give either a scenario id or --import FILE');
      const spec = opts.import ? importForRun(opts.import, { ...(opts.robots !== undefined ? { robots: opts.robots } : {}) }).spec : resolveScenario(scenario!);
      const dir = opts.out ? dirname(resolve(opts.out)) : process.cwd();
      const text = scenarioFileText(spec, opts.schemaRef ?? schemaRefFrom(dir));
      if (!opts.out) {
        process.stdout.write(text);
        return;
      }
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(opts.out, text);
      } catch (error) {
        throw new UsageError(`cannot write ${opts.out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      console.error(`${spec.id} written to ${opts.out}`);
    });
}
