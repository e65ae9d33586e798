import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CI_RECIPE } from './ci-recipe.ts';

describe('the README CI recipes', () => {
  it('run exactly the commands the package e2e test runs (GitHub Actions and GitLab CI)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const step of [CI_RECIPE.install, CI_RECIPE.typecheck, CI_RECIPE.gate]) {
      const command = step.join(' ');
      expect(readme, `GitHub Actions: ${command}`).toContain(`      - run: ${command}\n`);
      expect(readme, `GitLab CI: ${command}`).toContain(`    - ${command}\n`);
    }
    expect(readme).toContain(CI_RECIPE.recordBaseline.join(' '));
  });
});
