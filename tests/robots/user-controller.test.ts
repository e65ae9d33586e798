import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';
import { withoutProgressLines } from '../helpers/progress-lines.ts';

const FIXTURE = './tests/fixtures/station-balancing-controller.ts';

function run(controller: string) {
  const out = join(tempDir('user'), 'r.json');
  const res = spawnSync(
    'npx',
    ['tsx', 'bench/cli/cli.ts', 'run', 'warehouse/g2p-small', '--seed', '7', '--minutes', '4', '--controller', controller, '--json', out],
    { encoding: 'utf8' },
  );
  // A busy machine may make it slow enough for the progress heartbeat; nothing else may be said.
  expect(withoutProgressLines(res.stderr)).toBe('');
  expect(res.status).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8'));
}

describe('a user controller loaded from a file', () => {
  it('runs headless and changes the score', () => {
    const user = run(FIXTURE);
    const builtIn = run('reserve');
    expect(user.controller).toBe(FIXTURE);
    expect(user.kpis.ordersDelivered).toBeGreaterThan(0);
    expect(user.hash).not.toBe(builtIn.hash);
    expect(user.kpis).not.toEqual(builtIn.kpis);
  });

  it('is the worked example in robots/README.md, word for word', () => {
    const readme = readFileSync('robots/README.md', 'utf8');
    const source = readFileSync(FIXTURE, 'utf8').trim();
    expect(readme).toContain(source);
  });

  it('a missing controller file is a one-line usage error, exit 2', () => {
    const res = spawnSync('npx', ['tsx', 'bench/cli/cli.ts', 'run', 'warehouse/g2p-small', '--controller', './nope/missing.ts'], { encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/controller module "\.\/nope\/missing\.ts" not found/);
  });
});
