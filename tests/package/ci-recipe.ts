/**
 * The commands of the README's CI recipes (GitHub Actions and GitLab CI), as a user's repository
 * runs them: `user-project.test.ts` runs exactly these, in a project built from the packed package.
 */
export const CI_RECIPE = {
  /** Install the project (its lockfile holds `testfield`). */
  install: ['npm', 'ci'],
  /** Typecheck the user's controllers against the SDK's types. */
  typecheck: ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json'],
  /** Gate the pull request: the suite against the committed baseline (exit 1 on a regression). */
  gate: ['npx', 'testfield', 'suite', 'ci/testfield-suite.json', '--baseline', 'ci/testfield-baseline.json', '--out', 'testfield-results'],
  /** Record (or refresh) the baseline, once, on the main branch; the file is committed. */
  recordBaseline: [
    'npx',
    'testfield',
    'suite',
    'ci/testfield-suite.json',
    '--baseline',
    'ci/testfield-baseline.json',
    '--update-baseline',
    '--out',
    'testfield-results',
  ],
} as const;
