/** One problem in a scenario spec: where (a field path such as `fleet[0].count`) and why. */
export interface SpecIssue {
  path: string;
  message: string;
}

/**
 * Thrown by `compileScenario` for an invalid spec. Its message lists every issue as
 * `path: reason`, one per line, so hosts can print it as is.
 */
export class ScenarioSpecError extends Error {
  readonly issues: readonly SpecIssue[];

  constructor(scenarioId: string, issues: readonly SpecIssue[]) {
    super(`invalid scenario ${scenarioId}:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'ScenarioSpecError';
    this.issues = issues;
  }
}

/** Formats a zod-style path (`['fleet', 0, 'count']`) as `fleet[0].count`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}
