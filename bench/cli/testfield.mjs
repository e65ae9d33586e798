#!/usr/bin/env node
/**
 * The package's `testfield` command (`npx testfield run warehouse/g2p-small --controller ./mine.ts`):
 * registers tsx so the TypeScript sources run as they are, then runs the same program as
 * `npm run bench -- …` inside the repo (`run-cli.ts`).
 */
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./run-cli.ts');
await runCli('testfield', process.argv);
