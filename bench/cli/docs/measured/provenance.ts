/** What every measured table prints under itself: how each results file was measured, and how to measure it again. */
import { RESULTS_DIR, type RecordedResult } from '../results-store.ts';

/** A number with exactly `digits` decimals and thousands separators (`1,234.50`). */
export const num = (v: number, digits: number) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** One line per results file: the command, when and where it ran, and how to measure it again. */
export function provenance(stored: ReadonlyArray<{ name: string; result: RecordedResult }>): string {
  const lines = stored.map(({ name, result: { recorded: r } }) => {
    const args = r.command.replace(/^npm run bench -- |^npx tsx /, '');
    return (
      `- \`${r.command}\`: ${r.date.slice(0, 10)}, commit \`${r.commit.slice(0, 7)}${r.commit.endsWith('+dirty') ? '+dirty' : ''}\`, ${r.machine}, ` +
      `load ${r.loadBefore} → ${r.loadAfter}${r.exitCode !== undefined ? `, exit ${r.exitCode}` : ''}; \`${RESULTS_DIR}/${name}.json\`, re-measured by \`npm run docs -- record ${name} -- ${args}\``
    );
  });
  return [`Measured by (then \`npm run docs\` redraws the table):`, '', ...lines].join('\n');
}
