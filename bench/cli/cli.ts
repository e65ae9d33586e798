#!/usr/bin/env node
/**
 * Testfield's headless bench inside the repo: `npm run bench -- <command>` (the package's
 * `testfield` command runs the same program, see `testfield.mjs`).
 */
import { existsSync } from 'node:fs';
import { runCli } from './run-cli.ts';

// `npm run bench` runs in the package's folder; the user's relative paths are relative to the
// folder they typed the command in (npm passes it as INIT_CWD).
const shellDir = process.env.INIT_CWD;
if (shellDir && shellDir !== process.cwd() && existsSync(shellDir)) process.chdir(shellDir);

await runCli('bench', process.argv);
