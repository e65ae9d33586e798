import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** Processes that each keep one core busy, to run a test on a saturated machine. */
export interface CpuBurners {
  readonly count: number;
  stop(): void;
}

/** Starts `perCore` × the machine's cores busy-looping processes (default 2×, as the brief's stress tests ask). */
export function startCpuBurners(perCore = 2): CpuBurners {
  const count = Math.max(1, availableParallelism()) * perCore;
  const children: ChildProcess[] = [];
  for (let i = 0; i < count; i++) children.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  return {
    count,
    stop: () => {
      for (const child of children) child.kill('SIGKILL');
    },
  };
}
