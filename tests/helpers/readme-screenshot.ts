import { basename } from 'node:path';

/**
 * Where an e2e test saves a screenshot the README shows: `test-results/<file name>` on an ordinary
 * run, so running the tests never changes a tracked file; the README's own path (`readmePath`,
 * from the repository's root) when `TESTFIELD_UPDATE_SCREENSHOTS=1` asks to refresh it.
 */
export function readmeScreenshotPath(readmePath: string): string {
  return process.env.TESTFIELD_UPDATE_SCREENSHOTS === '1' ? readmePath : `test-results/${basename(readmePath)}`;
}
