import type { ImportIssue } from './import-error.ts';

/** One item line of a count-prefixed list file, with its 1-based line number. */
export interface ListLine {
  readonly line: number;
  readonly values: readonly number[];
}

/**
 * Parses a League of Robot Runners agent or task file: `#` comment lines, then a count, then one
 * item a line (integers separated by commas). Pushes an issue naming the file and line for each
 * problem (at most 50) and returns the items it could read.
 */
export function parseCountListFile(text: string, file: string, issues: ImportIssue[]): ListLine[] {
  const lines = text.split(/\r?\n/);
  let k = 0;
  while (k < lines.length && (lines[k]!.trim().startsWith('#') || (lines[k]!.trim() === '' && k < lines.length - 1 && !/\d/.test(lines[k]!)))) k++;
  const countText = (lines[k] ?? '').trim();
  if (!/^\d+$/.test(countText)) {
    issues.push({
      file,
      line: k + 1,
      message: `expected the item count (an integer) after the # comment lines, found ${countText === '' ? 'nothing' : JSON.stringify(countText.slice(0, 40))}`,
    });
    return [];
  }
  const count = Number(countText);
  const items: ListLine[] = [];
  const start = issues.length;
  for (let i = 0; i < count; i++) {
    const index = k + 1 + i;
    if (index >= lines.length || (lines[index]!.trim() === '' && index === lines.length - 1)) {
      issues.push({ file, line: Math.min(index, lines.length) + 1, message: `the count says ${count} items but the file ends after ${i}` });
      break;
    }
    const raw = lines[index]!.trim().replace(/,$/, '');
    const parts = raw.split(',').map((s) => s.trim());
    if (raw === '' || parts.some((p) => !/^\d+$/.test(p))) {
      if (issues.length - start < 50)
        issues.push({
          file,
          line: index + 1,
          message: `expected cell indices (non-negative integers, comma-separated), found ${JSON.stringify(raw.slice(0, 40))}`,
        });
      continue;
    }
    items.push({ line: index + 1, values: parts.map(Number) });
  }
  for (let index = k + 1 + count; index < lines.length; index++) {
    if (lines[index]!.trim() !== '') {
      issues.push({ file, line: index + 1, message: `more items than the count ${count} on line ${k + 1}` });
      break;
    }
  }
  return items;
}
