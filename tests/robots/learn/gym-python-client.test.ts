import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../../bench/bench-process.ts';
import { describe, expect, it } from 'vitest';

const PYTHON_DIR = fileURLToPath(new URL('../../../robots/learn/python', import.meta.url));

/**
 * The Python client (Debian's python3, no pip packages needed) against our check_env-style
 * contract check: a random policy, two seeds, same seed ⇒ same trajectory, truncation, parallel API.
 */
describe('Python client contract check', () => {
  it('passes with a random policy on two seeds', () => {
    const run = spawnSync('python3', ['-m', 'testfield_gym.check_env', '--seeds', '1', '2', '--steps', '40', '--robots', '5'], {
      cwd: PYTHON_DIR,
      encoding: 'utf8',
      timeout: 240_000,
    });
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

  it('installs into a virtual environment (PEP 668 systems) and finds the checkout by itself', () => {
    const dir = tempDir('venv');
    const venv = join(dir, 'venv');
    // pip builds a local folder in place (build/, *.egg-info): install a copy, so the checkout stays clean.
    const pkg = join(dir, 'testfield-gym');
    cpSync(PYTHON_DIR, pkg, { recursive: true, filter: (src) => !/(build|egg-info|__pycache__)$/.test(src) });
    // Debian's python3 with its setuptools and wheel (python3-venv, python3-setuptools, python3-wheel): nothing from PyPI.
    const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
    const made = spawnSync(python, ['-m', 'venv', '--system-site-packages', venv], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const pip = spawnSync(join(venv, 'bin', 'pip'), ['install', '--no-build-isolation', '--no-index', pkg], { encoding: 'utf8', timeout: 240_000 });
    expect(pip.status, pip.stdout + pip.stderr).toBe(0);
    // Run from a folder of the checkout other than the package's, with no TESTFIELD_ROOT.
    const env = { ...process.env };
    delete env.TESTFIELD_ROOT;
    const run = spawnSync(join(venv, 'bin', 'python'), ['-m', 'testfield_gym.check_env', '--seeds', '1', '--steps', '10', '--robots', '3'], {
      cwd: fileURLToPath(new URL('../../../scenarios/', import.meta.url)),
      env,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ok: the env passes the contract check/m);
  });
});
