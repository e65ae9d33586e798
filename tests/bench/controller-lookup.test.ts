import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadControllerFactory } from '../../bench/run/load-controller.ts';
import { UsageError } from '../../bench/run/usage-error.ts';

const NAME = `lookup-${process.pid}`;
const FILE = fileURLToPath(new URL(`../../robots/controllers/${NAME}.ts`, import.meta.url));

afterAll(() => rmSync(FILE, { force: true }));

describe('--controller lookup', () => {
  it('a bare NAME finds robots/controllers/NAME.ts (as the page lists it)', async () => {
    writeFileSync(FILE, `import { createGreedyController } from '../index.ts';\nexport default () => ({ ...createGreedyController(), name: '${NAME}' });\n`);
    const factory = await loadControllerFactory(NAME);
    expect(factory().name).toBe(NAME);
    rmSync(FILE, { force: true });
  });

  it('an unknown name still lists the valid ones', async () => {
    await expect(loadControllerFactory('no-such-controller')).rejects.toThrow(UsageError);
    await expect(loadControllerFactory('no-such-controller')).rejects.toThrow(/valid controllers: greedy, pibt, reserve/);
  });

  it('NAME.onnx finds robots/policies/NAME.onnx; a missing one is a usage error', async () => {
    const factory = await loadControllerFactory('example-policy.onnx');
    const controller = factory();
    expect(controller.name).toBe('example-policy');
    expect(typeof controller.decideAsync).toBe('function');
    await expect(loadControllerFactory('missing.onnx')).rejects.toThrow(/policy model "missing.onnx" not found/);
  });
});
