import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SuiteResults } from '../../bench/analyse/report/results-file.ts';
import { runScenario } from '../../bench/run/run-scenario.ts';
import { exitCodeLines } from '../../bench/run/run-failures.ts';
import { decodeReplay } from '../../sim/index.ts';
import { runBench, tempDir, TINY_SCENARIO, writeSuite, type BenchOutput } from './bench-process.ts';

const dir = tempDir('untrusted');
const FIX = './tests/fixtures/controllers';
const tiny = { scenario: 'warehouse/g2p-small', seed: 2, overrides: { robots: 6, minutes: 0.5 } } as const;

describe('untrusted controllers, headless', () => {
  it('a healthy controller gives the same hash isolated in a worker thread and in-thread', async () => {
    for (const controller of ['greedy', './tests/fixtures/worse-controller.ts']) {
      const inThread = await runScenario({ ...tiny, controller, isolation: 'thread' });
      const isolated = await runScenario({ ...tiny, controller, isolation: 'worker' });
      expect(isolated.isolated).toBe(true);
      expect(inThread.isolated).toBe(false);
      expect(isolated.hash).toBe(inThread.hash);
      expect(isolated.kpis).toEqual(inThread.kpis);
    }
  }, 60_000);

  it('throwing, garbage-returning and model-mutating controllers fail the same way isolated and in-thread', async () => {
    for (const name of ['throwing', 'garbage', 'mutating']) {
      const controller = `${FIX}/${name}-controller.ts`;
      const a = await runScenario({ ...tiny, controller, isolation: 'thread' });
      const b = await runScenario({ ...tiny, controller, isolation: 'worker' });
      expect(b.hash, name).toBe(a.hash);
      expect(b.failures, name).toEqual(a.failures);
      expect(a.failures.controllerFailed.count, name).toBeGreaterThan(0);
    }
    const mutating = await runScenario({ ...tiny, controller: `${FIX}/mutating-controller.ts` });
    const greedy = await runScenario({ ...tiny, controller: 'greedy' });
    expect(mutating.hash, 'writes into the handed roadmap change nothing').toBe(greedy.hash);
    expect(mutating.failures.controllerFailed.count).toBe(1);
  }, 60_000);

  it('a spinning controller is stopped past its budget: robots hold, the run ends, controller.failed names the tick', async () => {
    const t0 = performance.now();
    const r = await runScenario({ ...tiny, overrides: { robots: 6, minutes: 1 }, controller: `${FIX}/spinning-controller.ts`, budgetMs: 200 });
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(r.failures.stopped).toMatchObject({ by: 'controller', tick: 300 });
    expect(r.failures.controllerFailed.first!.message).toMatch(/did not return within its budget of 200 ms/);
    expect(r.ticks).toBeLessThan(30 * 60);
  }, 30_000);

  it('memory and process limits: each controller is stopped or failed by its cause, and the host survives', async () => {
    const run = (name: string) => runScenario({ ...tiny, controller: `${FIX}/${name}-controller.ts`, memoryMb: 128 });
    const buffers = await run('buffer-hoarding');
    expect(buffers.failures.stopped).toMatchObject({ by: 'controller', cause: 'memory' });
    expect(buffers.failures.stopped!.reason).toMatch(/over its limit of 128 MB \(--controller-memory-mb\)/);
    const heap = await run('heap-hoarding');
    expect(heap.failures.stopped).toMatchObject({ by: 'controller', cause: 'memory' });
    const killing = await run('process-killing');
    expect(killing.failures.controllerFailed.first!.message).toMatch(/process\.kill\(\) is not available to an isolated controller/);
    expect(killing.ticks, 'the run went on to its horizon with the robots holding').toBe(30 * 30);
  }, 120_000);

  it('bench run: exit 3 with one error line for a failed controller; every event streamed to --events; table lists causes', async () => {
    const events = join(dir, 'events.jsonl');
    const json = join(dir, 'run.json');
    const out = await runBench([
      'run',
      'warehouse/g2p-small',
      '--robots',
      '4',
      '--minutes',
      '0.5',
      '--controller',
      `${FIX}/garbage-controller.ts`,
      '--events',
      events,
      '--json',
      json,
    ]);
    expect(out.code, out.stderr).toBe(3);
    expect(out.stderr.split('\n').filter((l) => l.startsWith('error: '))).toEqual([
      expect.stringMatching(/^error: controller failed \d+ time\(s\), first at tick 15: decide\(\) returned string/),
    ]);
    expect(out.stdout).toMatch(/unknown command kind "teleport"/);
    expect(out.stdout).toMatch(/isolated in a worker thread/);
    const lines = readFileSync(events, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string });
    const result = JSON.parse(readFileSync(json, 'utf8'));
    expect(lines.filter((e) => e.type === 'command.rejected')).toHaveLength(result.failures.rejections.total);
    expect(lines.filter((e) => e.type === 'controller.failed')).toHaveLength(result.failures.controllerFailed.count);
    expect(result.failures.rejections.byCause['unknown robot N (fleet has N)']).toBeGreaterThan(0);
  }, 60_000);

  it('bench run: a controller whose every command is rejected fails the run (exit 3), though it never threw', async () => {
    const out = await runBench(['run', 'warehouse/g2p-small', '--robots', '4', '--minutes', '0.5', '--controller', `${FIX}/nan-speed-controller.ts`]);
    expect(out.code, out.stderr).toBe(3);
    expect(out.stderr).toMatch(/^error: every one of the controller's \d+ commands was rejected: \d+ × /m);
  }, 60_000);

  it('bench run --help states the exit-code contract the runner applies', async () => {
    const out = await runBench(['run', '--help']);
    for (const line of exitCodeLines()) expect(out.stdout.replace(/\s+/g, ' ')).toContain(line.replace(/\s+/g, ' '));
  }, 60_000);

  it('bench run: bad input exits 2 with one line before anything runs', async () => {
    const cases = [
      ['run', 'warehouse/g2p-small', '--json', '/no/such/folder/out.json'],
      ['run', 'warehouse/g2p-small', '--replay', 'package.json/x.tfr'],
      ['run', 'warehouse/g2p-small', '--events', dir],
      ['run', 'warehouse/g2p-small', '--minutes', '20000'],
      ['run', 'warehouse/g2p-small', '--seed', '0x10'],
      ['run', 'warehouse/g2p-small', '--robots', ' 4'],
      ['run', 'warehouse/g2p-small', '--controller-budget-ms', '0'],
      ['run', 'warehouse/g2p-small', '--isolation', 'sandbox'],
      ['suite', 'ci', '--out', 'package.json'],
    ];
    const outs = await Promise.all(cases.map((args) => runBench(args)));
    for (const [i, args] of cases.entries()) {
      expect(outs[i]!.code, args.join(' ')).toBe(2);
      expect(outs[i]!.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect(outs[3]!.stderr).toMatch(/at most 10080 \(7 days\)/);
  }, 60_000);
});

describe('untrusted controllers in a suite', () => {
  let out: BenchOutput;
  let results: SuiteResults;
  const outDir = join(dir, 'suite');
  beforeAll(async () => {
    const suite = writeSuite(dir, 'untrusted.json', {
      name: 'untrusted',
      scenarios: [TINY_SCENARIO],
      controllers: ['greedy', `${FIX}/throwing-controller.ts`, `${FIX}/spinning-controller.ts`, `${FIX}/mutating-controller.ts`],
      seeds: [1],
    });
    out = await runBench(['suite', suite, '--out', outDir, '--workers', '2', '--controller-budget-ms', '500']);
    results = JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8')) as SuiteResults;
  }, 120_000);

  it('fails the gate (exit 1); the healthy group passes', () => {
    expect(out.code, out.stderr).toBe(1);
    expect(results.runs.map((r) => [r.controller, r.status, r.error])).toEqual(results.runs.map((r) => [r.controller, 'ok', undefined]));
    expect(results.runs.filter((r) => r.isolated).length).toBe(3);
    const greedy = results.runs.find((r) => r.controller === 'greedy')!;
    expect(greedy.failures!.controllerFailed.count).toBe(0);
  });

  it('results.json, JUnit and the summary name each failure and its cause', () => {
    const spin = results.runs.find((r) => r.controller.includes('spinning'))!;
    expect(spin.failures!.stopped!.by).toBe('controller');
    const thrower = results.runs.find((r) => r.controller.includes('throwing'))!;
    expect(thrower.failures!.rejections.byCause['decide() threw: fixture controller throws on every tick']).toBeGreaterThan(0);
    const junit = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'testcase' }).parse(readFileSync(join(outDir, 'junit.xml'), 'utf8'));
    const cases = junit.testsuites.testsuite.testcase as Array<Record<string, any>>;
    const byName = Object.fromEntries(cases.map((c) => [c['@_name'], c]));
    expect(byName.greedy.failure).toBeUndefined();
    for (const name of ['throwing', 'spinning', 'mutating']) {
      const c = byName[`${FIX}/${name}-controller.ts`];
      expect(c.failure['@_type'], name).toBe('controller-failed');
      expect(c['system-out'], name).toMatch(/replay: replays\/.*\.tfr/);
    }
    expect(byName[`${FIX}/spinning-controller.ts`].failure['@_message']).toMatch(/budget of 500 ms/);
    const summary = readFileSync(join(outDir, 'summary.md'), 'utf8');
    expect(summary.match(/❌ controller failed/g)).toHaveLength(3);
    expect(summary).toMatch(/replay of the worst seed: `replays\//);
  });

  it("writes the worst seed's replay of every failed group, and it decodes to the same run", () => {
    const thrower = results.runs.find((r) => r.controller.includes('throwing'))!;
    const file = readFileSync(join(dir, 'suite', 'replays', `${thrower.key.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '')}.tfr`));
    const replay = decodeReplay(new Uint8Array(file));
    expect(replay.trailer.hash).toBe(thrower.hash);
    expect(replay.events.some((e) => e.type === 'controller.failed')).toBe(true);
  });
});
