import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.ts';
import { withoutProgressLines } from '../../helpers/progress-lines.ts';
import { armSpec, UR_SUCTION } from '../../sim/arm/arm-helpers.ts';

const bench = (...args: string[]) => spawnSync('npx', ['tsx', 'bench/cli/cli.ts', ...args], { encoding: 'utf8' });

describe('bench run --cell-controller', () => {
  const dir = tempDir('cell');
  const file = join(dir, 'arm-cell.json');
  writeFileSync(file, JSON.stringify({ ...armSpec([UR_SUCTION], [], { horizonSec: 10 }), boxes: undefined }));

  it('runs a cell controller module by path beside the fleet controller, and reports the arm KPIs', () => {
    const out = join(dir, 'r.json');
    const res = bench('run', file, '--cell-controller', './tests/fixtures/wave-cell.ts', '--json', out);
    // A busy machine may make it slow enough for the progress heartbeat; nothing else may be said.
    expect(withoutProgressLines(res.stderr)).toBe('');
    expect(res.status).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.kpis.things.arm).toMatchObject({ armCommandsRefused: 0, armCycles: 0 });
    const byName = bench('run', file, '--cell-controller', 'pick-place', '--json', out);
    expect(byName.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).hash).not.toBe(json.hash);
  });

  it('an unknown cell controller is one line and exit 2', () => {
    const res = bench('run', file, '--cell-controller', 'juggler');
    expect(res.status).toBe(2);
    expect(res.stderr.trim()).toBe('error: unknown cell controller "juggler"; valid cell controllers: pick-place (or a path to a module)');
  });
});
