import { Command } from 'commander';
import { scenarioIssues } from '../../run/files/scenario-issues.ts';
import { readScenarioInput } from '../../run/registry.ts';

/**
 * `bench validate <file>`: every problem of a scenario file at once, one `path: reason` a line
 * on stdout, and exit 2 when there is any; else `ok: <id> is a valid scenario`, exit 0.
 * A registered id is accepted too.
 */
export function validateCommand(): Command {
  return new Command('validate')
    .description('check a scenario file: print every problem as `path: reason` (exit 2), or `ok: <id> is a valid scenario`')
    .argument('<file>', 'scenario .json file (or a registered scenario id)')
    .action((file: string) => {
      const { input, shown } = readScenarioInput(file);
      const issues = scenarioIssues(input);
      if (issues.length === 0) {
        console.log(`ok: ${(input as { id: string }).id} is a valid scenario`);
        return;
      }
      for (const issue of issues) console.log(`${issue.path}: ${issue.message}`);
      console.error(`error: ${shown} is not a valid scenario: ${issues.length} problem${issues.length === 1 ? '' : 's'}`);
      process.exitCode = 2;
    });
}
