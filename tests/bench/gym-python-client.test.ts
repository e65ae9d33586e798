import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PYTHON_DIR = fileURLToPath(new URL('../../bench/gym/python', import.meta.url));

/**
 * The Python client (Debian's python3, no pip packages needed) against our check_env-style
 * contract check: a random policy, two seeds, same seed ⇒ same trajectory, truncation, parallel API.
 */
describe('Python client contract check', () => {
  it('passes with a random policy on two seeds', () => {
    const run = spawnSync('python3', ['-m', 'testfield_gym.check_env', '--seeds', '1', '2', '--steps', '40', '--robots', '5'], { cwd: PYTHON_DIR, encoding: 'utf8', timeout: 240_000 });
    expect(run.error).toBeUndefined();
    expect(run.stderr).not.toMatch(/FAIL|Traceback/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^single {2}seed 1: 40 steps, trajectory [0-9a-f]{16}, state hash [0-9a-f]{16}, truncated$/m);
    expect(run.stdout).toMatch(/^parallel seed 2: 5 agents/m);
    expect(run.stdout).toMatch(/^ok: the env passes the contract check/m);
  });

  it('a bad request gets a one-line error naming the valid commands, the server keeps serving', () => {
    const script = [
      'from testfield_gym.client import _Pipe, EnvError',
      'p = _Pipe()',
      'try:',
      '    p.call("launch")',
      'except EnvError as e:',
      '    print("refused:", e)',
      'print(sorted(p.call("make", scenario="warehouse/g2p-small", robots=2)["observationSpace"]["spaces"]))',
      'p.close()',
    ].join('\n');
    const run = spawnSync('python3', ['-c', script], { cwd: PYTHON_DIR, encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('refused: unknown command "launch"; commands: make, reset, step, hash, close');
    expect(run.stdout).toContain("['batteryWh', 'carrying', 'goalDir', 'goalDistM', 'heading', 'hint', 'moves', 'patch', 'phase', 'ready', 'speedMps']");
  });
});
