import type { SpecIssue } from '../../sim/page-api.ts';

/** Where on the drawing a problem is: a cell, a whole row, a thing of a section, or nowhere in particular. */
export type IssueLocation =
  | { kind: 'cell'; row: number; col: number }
  | { kind: 'row'; row: number }
  | { kind: 'thing'; section: string; index: number }
  | { kind: 'none' };

/**
 * Finds the place a validation problem names: `layout.rows[r][c]`, a message naming
 * `(row R, col C)`, `layout.rows[r]` for a whole row, or the thing a path starts with
 * (`line.machines[1].from` → machine 1, `conveyors[0].path` → conveyor 0).
 */
export function issueLocation(issue: SpecIssue): IssueLocation {
  const cell = /^layout\.rows\[(\d+)\]\[(\d+)\]/.exec(issue.path);
  if (cell) return { kind: 'cell', row: Number(cell[1]), col: Number(cell[2]) };
  const named = /\(row (\d+), col (\d+)\)/.exec(issue.message);
  if (named) return { kind: 'cell', row: Number(named[1]), col: Number(named[2]) };
  const row = /^layout\.rows\[(\d+)\]/.exec(issue.path);
  if (row) return { kind: 'row', row: Number(row[1]) };
  const thing = /^((?:line\.)?[a-zA-Z]+(?:\.[a-zA-Z]+)?)\[(\d+)\]/.exec(issue.path);
  if (thing) return { kind: 'thing', section: thing[1]!, index: Number(thing[2]) };
  return { kind: 'none' };
}
