/** A problem in an imported file: the file, the 1-based line (0 when not about one line) and why. */
export interface ImportIssue {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** An import that failed: every issue found, each naming the file and line at fault. */
export class ImportError extends Error {
  readonly issues: readonly ImportIssue[];
  constructor(issues: readonly ImportIssue[]) {
    super(issues.map(formatImportIssue).join('\n'));
    this.name = 'ImportError';
    this.issues = issues;
  }
}

/** `file:line: message` (or `file: message`). */
export function formatImportIssue(issue: ImportIssue): string {
  return issue.line > 0 ? `${issue.file}:${issue.line}: ${issue.message}` : `${issue.file}: ${issue.message}`;
}
