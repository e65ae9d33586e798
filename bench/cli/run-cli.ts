/**
 * Testfield's command line: every bench command under one program, used as `npm run bench -- <command>`
 * inside the repo (`cli.ts`) and as the package's `testfield` command (`testfield.mjs`). Usage and
 * input errors print one line and exit 2; they never show a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { ScenarioSpecError } from '../../sim/index.ts';
import { runCommand } from './commands/run.ts';
import { compareCommand, compareTableCommand } from './commands/compare.ts';
import { exportCommand } from './commands/export.ts';
import { firstFrameCommand } from './commands/first-frame.ts';
import { gymCommand } from './commands/gym.ts';
import { listCommand } from './commands/list.ts';
import { lorrExamplesCommand } from './commands/lorr-examples.ts';
import { mergeCommand } from './commands/merge.ts';
import { openCommand } from './commands/open.ts';
import { perfCommand } from './commands/perf.ts';
import { replayCommand } from './commands/replay.ts';
import { schemaCommand } from './commands/schema.ts';
import { soakCommand } from './commands/soak.ts';
import { suiteCommand } from './commands/suite.ts';
import { sweepCommand } from './commands/sweep.ts';
import { validateCommand } from './commands/validate.ts';
import { vda5050Command } from './commands/vda5050.ts';
import { UsageError } from '../run/usage-error.ts';

/**
 * The bench program with every command and option declared, not yet parsed: what `runCli` runs and
 * what the README's generated CLI reference (`bench/cli/docs/reference-tables.ts`) is read from.
 */
export function createCliProgram(programName: string): Command {
  const program = new Command(programName)
    .description('Testfield headless runner, regression bench and test field')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .addCommand(listCommand())
    .addCommand(runCommand())
    .addCommand(validateCommand())
    .addCommand(schemaCommand())
    .addCommand(exportCommand())
    .addCommand(suiteCommand())
    .addCommand(mergeCommand())
    .addCommand(compareCommand())
    .addCommand(compareTableCommand())
    .addCommand(sweepCommand())
    .addCommand(perfCommand())
    .addCommand(gymCommand())
    .addCommand(soakCommand())
    .addCommand(openCommand())
    .addCommand(replayCommand())
    .addCommand(lorrExamplesCommand())
    .addCommand(firstFrameCommand())
    .addCommand(vda5050Command());

  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Parses `argv` (as `process.argv`) and runs the command; exits the process on an error (2 usage, 1 otherwise). */
export async function runCli(programName: string, argv: readonly string[]): Promise<void> {
  const program = createCliProgram(programName);
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exit(error.exitCode === 0 ? 0 : 2);
    } else if (error instanceof UsageError || error instanceof ScenarioSpecError) {
      console.error(`error: ${error.message}`);
      process.exit(2);
    } else {
      console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
}
