/**
 * `npm run test:loaded`: the whole test suite on a saturated machine, as a busy CI runner is.
 * Starts 2 × cores CPU burners, runs `vitest run` (extra arguments are passed on), stops the
 * burners and exits with vitest's code, printing the wall time.
 */
import { spawn } from 'node:child_process';
import { startCpuBurners } from './cpu-burners.ts';

const burners = startCpuBurners(2);
const startedMs = performance.now();
console.log(`test:loaded: ${burners.count} CPU burners running; vitest run ${process.argv.slice(2).join(' ')}`);
const vitest = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
vitest.on('close', (code) => {
  burners.stop();
  console.log(`test:loaded: vitest exited ${code} after ${((performance.now() - startedMs) / 60_000).toFixed(1)} min under load`);
  process.exit(code ?? 1);
});
