import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { schemaRefFrom } from '../../bench/cli/commands/export.ts';
import { scenarioJsonSchema } from '../../sim/index.ts';
import { ROOT, runBench, tempDir } from '../bench/bench-process.ts';

const COMMITTED = join(ROOT, 'scenarios', 'scenario.schema.json');
const REGENERATE = 'npm run bench -- schema --write scenarios/scenario.schema.json';

describe('scenario JSON Schema', () => {
  it('the committed scenarios/scenario.schema.json equals scenarioJsonSchema()', () => {
    const committed = readFileSync(COMMITTED, 'utf8');
    const current = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
    expect(committed, `scenarios/scenario.schema.json is out of date with the sim's scenario spec; regenerate it with \`${REGENERATE}\` and commit it`).toBe(
      current,
    );
  });

  it('bench schema prints it, and --write writes the same text', async () => {
    const file = join(tempDir('schema'), 'schema.json');
    const [printed, written] = await Promise.all([runBench(['schema']), runBench(['schema', '--write', file])]);
    expect(printed.code, printed.stderr).toBe(0);
    expect(written.code, written.stderr).toBe(0);
    const committed = readFileSync(COMMITTED, 'utf8');
    expect(printed.stdout).toBe(committed);
    expect(readFileSync(file, 'utf8')).toBe(committed);
    expect(JSON.parse(committed)).toMatchObject({
      type: 'object',
      properties: { id: expect.any(Object), layout: expect.any(Object), $schema: expect.any(Object) },
    });
  }, 30_000);

  it('a scenario file in scenarios/ refers to it as ./scenario.schema.json', () => {
    expect(schemaRefFrom(fileURLToPath(new URL('../../scenarios/', import.meta.url)))).toBe('./scenario.schema.json');
    expect(schemaRefFrom(ROOT)).toBe('./scenarios/scenario.schema.json');
  });
});
