import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CI_RECIPE } from './ci-recipe.ts';

/**
 * A robotics firm's own repository, outside this one: it installs Testfield from the packed
 * package, writes a controller against `import … from 'testfield'`, typechecks it, runs it and
 * gates it in CI with a baseline, exactly as the README's recipes do (`ci-recipe.ts`).
 */
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const TYPESCRIPT_VERSION = (JSON.parse(readFileSync(join(REPO, 'node_modules/typescript/package.json'), 'utf8')) as { version: string }).version;

/** Each step runs several `npx testfield` commands; on a shared 2-core machine one may take minutes. */
const STEP_TIMEOUT_MS = 600_000;

let work: string;
let project: string;

/** The environment without npm's own variables (under `npm test` they point nested npm runs at this repo). */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

/** Runs a command; its exit code and everything it printed. */
function sh(command: readonly string[], cwd = project): { status: number | null; out: string } {
  const r = spawnSync(command[0]!, command.slice(1), { cwd, env: ENV, encoding: 'utf8', timeout: 400_000 });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** Runs a command that must succeed. */
function ok(command: readonly string[], cwd = project): string {
  const r = sh(command, cwd);
  if (r.status !== 0) throw new Error(`${command.join(' ')} exited ${r.status}:\n${r.out}`);
  return r.out;
}

const MY_CONTROLLER = `import { composeFleetController, createNearestIdleAssigner, createPathFollowerExecutor, createShortestPathPlanner, type FleetController } from 'testfield';

/** Our fleet controller: nearest idle robot, shortest path, follow it. */
export default function createMyController(): FleetController {
  return composeFleetController({ name: 'acme-fleet', assigner: createNearestIdleAssigner(), planner: createShortestPathPlanner(), executor: createPathFollowerExecutor() });
}
`;
/** The pull request that makes it worse: half the fleet never gets a job. */
const WORSE_CONTROLLER = `import { composeFleetController, createNearestIdleAssigner, createPathFollowerExecutor, createShortestPathPlanner, type FleetController } from 'testfield';

export default function createMyController(): FleetController {
  const inner = composeFleetController({ name: 'acme-fleet', assigner: createNearestIdleAssigner(), planner: createShortestPathPlanner(), executor: createPathFollowerExecutor() });
  return { name: 'acme-fleet', decide: (observation) => inner.decide({ ...observation, robots: observation.robots.filter((r) => r.id % 2 === 0) }) };
}
`;
const TSCONFIG = {
  compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true },
  include: ['*.ts'],
};
const SUITE = {
  name: 'acme',
  description: 'our controller on the small goods-to-person floor',
  scenarios: [{ id: 'warehouse/g2p-small', minutes: 2 }],
  controllers: ['./my-controller.ts'],
  seeds: [1, 2],
};

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'testfield-user-'));
  project = join(work, 'acme-robots');
  mkdirSync(project);
  ok(['npm', 'pack', '--silent', '--pack-destination', work], REPO);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  ok(['npm', 'init', '-y']);
  // `--prefer-offline`, not `--offline`: `npm ci` fills the cache with tarballs only (it installs by the
  // lockfile's URLs), while a first install of a tarball must resolve its dependencies' version ranges,
  // which needs their registry metadata (packuments) — `--offline` fails with ENOTCACHED for the first
  // one. With --prefer-offline every tarball comes from the cache; only that metadata is fetched.
  ok(['npm', 'install', '--prefer-offline', '--no-audit', '--no-fund', `../${tarball}`, `typescript@${TYPESCRIPT_VERSION}`]);
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(join(project, 'my-controller.ts'), MY_CONTROLLER);
  mkdirSync(join(project, 'ci'));
  writeFileSync(join(project, 'ci/testfield-suite.json'), JSON.stringify(SUITE, null, 2));
}, 600_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** `npx testfield run …` with a JSON result. */
function runJson(args: readonly string[]): {
  status: number | null;
  out: string;
  result: { hash: string; controller: string; kpis: { ordersDelivered: number }; failures: { controllerFailed: { count: number } } } | null;
} {
  const json = join(work, `run-${Math.random().toString(36).slice(2)}.json`);
  const r = sh(['npx', 'testfield', 'run', ...args, '--json', json]);
  return { ...r, result: existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : null };
}

describe('a user project with testfield installed from the packed package', () => {
  it(
    'installs with npm ci from its lockfile and typechecks a controller against the SDK types',
    () => {
      expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).dependencies.testfield).toMatch(/^file:.*testfield-.*\.tgz$/);
      rmSync(join(project, 'node_modules'), { recursive: true });
      ok(CI_RECIPE.install);
      expect(existsSync(join(project, 'node_modules/.bin/testfield'))).toBe(true);
      const help = ok(['npx', 'testfield', '--help']);
      expect(help).toContain('Usage: testfield');
      for (const command of ['run', 'suite', 'compare', 'sweep', 'perf', 'list', 'validate', 'schema', 'export', 'replay', 'merge', 'gym', 'open'])
        expect(help).toMatch(new RegExp(`^  ${command} `, 'm'));
      expect(sh(CI_RECIPE.typecheck).status).toBe(0);
      // The types are real: a wrong controller does not typecheck.
      writeFileSync(
        join(project, 'wrong.ts'),
        `import type { FleetController } from 'testfield';\nexport const c: FleetController = { name: 42, decide: () => [] };\n`,
      );
      const wrong = sh(CI_RECIPE.typecheck);
      rmSync(join(project, 'wrong.ts'));
      expect(wrong.status).not.toBe(0);
      expect(wrong.out).toMatch(/wrong\.ts\(2,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'npx testfield run drives the user controller: the same run as the built-in it composes',
    () => {
      const mine = runJson(['warehouse/g2p-small', '--controller', './my-controller.ts', '--minutes', '1']);
      expect(mine.status, mine.out).toBe(0);
      expect(mine.out).toContain('controller            ./my-controller.ts (isolated in a worker thread)');
      const greedy = runJson(['warehouse/g2p-small', '--controller', 'greedy', '--minutes', '1']);
      expect(greedy.status, greedy.out).toBe(0);
      expect(mine.result!.kpis.ordersDelivered).toBeGreaterThan(0);
      expect(mine.result!.hash).toBe(greedy.result!.hash);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'gates with a recorded baseline: passes, then a worse controller fails with exit 1 and the reason',
    () => {
      const record = sh(CI_RECIPE.recordBaseline);
      expect(record.status, record.out).toBe(0);
      expect(record.out).toContain('baseline written: ci/testfield-baseline.json');
      const pass = sh(CI_RECIPE.gate);
      expect(pass.status, pass.out).toBe(0);
      expect(pass.out).toMatch(/PASS/);
      writeFileSync(join(project, 'my-controller.ts'), WORSE_CONTROLLER);
      try {
        expect(sh(CI_RECIPE.typecheck).status).toBe(0);
        const fail = sh(CI_RECIPE.gate);
        expect(fail.status, fail.out).toBe(1);
        expect(fail.out).toMatch(/FAIL/);
        expect(fail.out).toMatch(/throughputPerHour regressed: \d+ vs baseline \d+ \(higher is better/);
        // The failed group's worst seed is replayed for `testfield replay FILE --open`.
        expect(readdirSync(join(project, 'testfield-results/replays')).some((f) => f.endsWith('.tfr'))).toBe(true);
      } finally {
        writeFileSync(join(project, 'my-controller.ts'), MY_CONTROLLER);
      }
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'loads controllers and policies from any folder: no package.json, commonjs, module; .ts .mts .js .mjs .onnx; testfield and relative helpers',
    () => {
      const reference = runJson(['warehouse/g2p-small', '--controller', 'greedy', '--minutes', '0.5']);
      expect(reference.status, reference.out).toBe(0);
      const flavours = join(work, 'flavours');
      const helper = `export function label(kind: string): string { return 'acme-' + kind; }\n`;
      const files: Record<string, string> = {
        'none/helper.ts': helper,
        'none/spin.ts': `import { createGreedyController, type FleetController } from 'testfield';\nimport { label } from './helper.ts';\nexport default function create(): FleetController { return { ...createGreedyController(), name: label('none') }; }\n`,
        'commonjs/package.json': '{ "type": "commonjs" }\n',
        'commonjs/helper.ts': helper,
        'commonjs/spin.ts': `import { createGreedyController, type FleetController } from 'testfield';\nimport { label } from './helper.ts';\nexport default function create(): FleetController { return { ...createGreedyController(), name: label('cjs') }; }\n`,
        'commonjs/plain.js': `const { createGreedyController } = require('testfield');\nconst { tag } = require('./tag.js');\nmodule.exports = function create() { return { ...createGreedyController(), name: tag }; };\n`,
        'commonjs/tag.js': `exports.tag = 'acme-plain';\n`,
        'module/package.json': '{ "type": "module" }\n',
        'module/helper.ts': helper,
        'module/spin.mts': `import { createGreedyController, type FleetController } from 'testfield';\nimport { label } from './helper.ts';\nexport default function create(): FleetController { return { ...createGreedyController(), name: label('mts') }; }\n`,
        'module/spin.mjs': `import { createGreedyController } from 'testfield';\nimport { label } from './helper.ts';\nexport default () => ({ ...createGreedyController(), name: label('mjs') });\n`,
        'none/broken.ts': `import { createGreedyController } from 'testfield';\n\nexport default function create() {\n  return { ...createGreedyController(), name: 'broken' + };\n}\n`,
        'module/throws.ts': `import { createGreedyController } from 'testfield';\nconst ready = createGreedyController();\nthrow new Error('no licence key for the planner');\nexport default () => ready;\n`,
      };
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(join(flavours, file, '..'), { recursive: true });
        writeFileSync(join(flavours, file), text);
      }
      for (const file of ['none/spin.ts', 'commonjs/spin.ts', 'commonjs/plain.js', 'module/spin.mts', 'module/spin.mjs']) {
        const run = runJson(['warehouse/g2p-small', '--controller', join(flavours, file), '--minutes', '0.5']);
        expect(run.status, `${file}: ${run.out}`).toBe(0);
        expect(run.result!.failures.controllerFailed.count).toBe(0);
        expect(run.result!.hash, file).toBe(reference.result!.hash);
      }
      // A policy from a folder of its own runs as the one the package ships.
      copyFileSync(join(project, 'node_modules/testfield/robots/policies/example-policy.onnx'), join(flavours, 'none/our-policy.onnx'));
      const policy = runJson(['warehouse/g2p-small', '--controller', join(flavours, 'none/our-policy.onnx'), '--minutes', '0.5']);
      const shipped = runJson(['warehouse/g2p-small', '--controller', 'example-policy.onnx', '--minutes', '0.5']);
      expect(policy.status, policy.out).toBe(0);
      expect(policy.result!.hash).toBe(shipped.result!.hash);
      expect(policy.result!.hash).not.toBe(reference.result!.hash);
      // A module that fails to load: `file:line: reason`, exit 2, nothing of Node's internals.
      const broken = sh(['npx', 'testfield', 'run', 'warehouse/g2p-small', '--controller', join(flavours, 'none/broken.ts'), '--minutes', '0.5']);
      expect(broken.status).toBe(2);
      expect(broken.out).toContain(`${join(flavours, 'none/broken.ts')}:4: Unexpected "}"`);
      const throws = sh(['npx', 'testfield', 'run', 'warehouse/g2p-small', '--controller', join(flavours, 'module/throws.ts'), '--minutes', '0.5']);
      expect(throws.status).toBe(2);
      expect(throws.out).toContain(`${join(flavours, 'module/throws.ts')}:3: no licence key for the planner`);
      for (const out of [broken.out, throws.out]) expect(out).not.toMatch(/node:internal|ERR_| {4}at /);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'loads a cell controller from the project: it, not the default cell, drives the arms',
    () => {
      writeFileSync(
        join(project, 'my-cell.ts'),
        `import { createPickPlaceCell, type CellController } from 'testfield';\n\n/** Let go 1 cm above the surface. */\nexport default function createMyCell(): CellController {\n  return { ...createPickPlaceCell({ releaseGapM: 0.01 }), name: 'gentle-place' };\n}\n`,
      );
      expect(sh(CI_RECIPE.typecheck).status).toBe(0);
      const mine = runJson(['production/assembly-line', '--cell-controller', './my-cell.ts', '--minutes', '1']);
      expect(mine.status, mine.out).toBe(0);
      const same = runJson(['production/assembly-line', '--cell-controller', 'node_modules/testfield/robots/cells/gentle-place.ts', '--minutes', '1']);
      const builtin = runJson(['production/assembly-line', '--minutes', '1']);
      expect(mine.result!.hash).toBe(same.result!.hash);
      expect(mine.result!.hash).not.toBe(builtin.result!.hash);
    },
    STEP_TIMEOUT_MS,
  );
});
