/**
 * `npm run docs`: rewrites every generated README table, the reference tables from the code
 * (reference-tables.ts) and the measured-figures tables from the committed results
 * (measured-tables.ts). `npm run docs -- record NAME -- <command>` first measures: it runs the
 * command with `--json` and stores the result as `bench/data/results/NAME.json` (record-result.ts).
 */
import { pathToFileURL } from 'node:url';
import { writeMeasuredTables } from './measured-tables.ts';
import { recordResult } from './record-result.ts';
import { writeReferenceTables } from './reference-tables.ts';

/** Runs `npm run docs [record NAME -- command…]`; says what it did, one line each, as it goes. */
export function runDocs(argv: readonly string[], say: (line: string) => void = console.log): void {
  if (argv[0] === 'record') {
    const name = argv[1];
    if (!name || argv[2] !== '--') throw new Error('usage: npm run docs -- record NAME -- <bench command without --json>');
    say(`stored ${recordResult(name, argv.slice(3))}`);
  } else if (argv.length > 0) throw new Error(`unknown arguments "${argv.join(' ')}"; usage: npm run docs [-- record NAME -- <bench command>]`);
  const changed = [...new Set([...writeReferenceTables(), ...writeMeasuredTables()])];
  say(changed.length ? `updated ${changed.join(', ')}` : 'generated tables are up to date');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    runDocs(process.argv.slice(2));
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
