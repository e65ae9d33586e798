import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunJob } from '../../bench/run/run-job.ts';
import { logRunStarted, partitionResume, RunLog } from '../../bench/run/run-log.ts';
import { tempDir } from './bench-process.ts';

const job = (key: string): RunJob => ({
  key,
  group: 'g',
  scenario: 'warehouse/g2p-small@1',
  spec: {} as RunJob['spec'],
  label: 'x',
  controller: 'greedy',
  seed: 1,
  overrides: {},
});

describe('run log and --resume', () => {
  it('a run in flight at one kill is run again; in flight at two kills it is recorded as failed and never run again', () => {
    const dir = tempDir('run-log');
    const first = RunLog.open(dir, false);
    logRunStarted(first.log.file, 'a');
    logRunStarted(first.log.file, 'b');
    // (the process dies here: neither run finished)
    const second = RunLog.open(dir, true);
    expect([...second.unfinishedStarts]).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(partitionResume([job('a'), job('b')], second.previous, second.unfinishedStarts).todo.map((j) => j.key)).toEqual(['a', 'b']);
    logRunStarted(second.log.file, 'b');
    const third = RunLog.open(dir, true);
    const { todo, kept } = partitionResume([job('a'), job('b')], third.previous, third.unfinishedStarts);
    expect(todo.map((j) => j.key)).toEqual(['a']);
    expect(kept).toMatchObject([{ key: 'b', status: 'error', error: expect.stringMatching(/ended the process it ran in .*not run again by --resume/) }]);
    expect(readFileSync(third.log.file, 'utf8').trim().split('\n')).toHaveLength(3);
  });
});
