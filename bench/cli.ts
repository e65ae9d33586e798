#!/usr/bin/env node
/**
 * Testfield's headless bench inside the repo: `npm run bench -- <command>` (the package's
 * `testfield` command runs the same program, see `testfield.mjs`).
 */
import { runCli } from './run-cli.ts';

await runCli('bench', process.argv);
