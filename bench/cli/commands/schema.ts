import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { scenarioSchemaText } from '../../run/files/scenario-json-schema.ts';
import { UsageError } from '../../run/usage-error.ts';

/** `bench schema [--write FILE]`: the JSON Schema of a scenario file. */
export function schemaCommand(): Command {
  return new Command('schema')
    .description('print the JSON Schema of a scenario file (or write it, e.g. --write scenarios/scenario.schema.json)')
    .option('--write <file>', 'write the schema to this file instead of printing it')
    .action((opts: { write?: string }) => {
      const text = scenarioSchemaText();
      if (!opts.write) {
        process.stdout.write(text);
        return;
      }
      try {
        writeFileSync(opts.write, text);
      } catch (error) {
        throw new UsageError(`cannot write ${opts.write}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      console.log(`schema written to ${opts.write}`);
    });
}
