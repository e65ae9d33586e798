import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Command } from 'commander';
import { serveJsonLines } from '../../../robots/learn/serve.ts';
import { trainExamplePolicy } from '../../../robots/learn/train-policy.ts';
import { measureSingle, measureVector, type GymPerfRow } from '../../analyse/perf/gym-perf.ts';
import { resolveScenario } from '../../run/registry.ts';
import { parsePositiveInt } from './parse-options.ts';

/** `bench gym serve | perf`: the learning environment's pipe server and its speed report. */
export function gymCommand(): Command {
  const gym = new Command('gym').description('learning environment: JSON-lines pipe server for the Python client, steps/s report');
  gym
    .command('serve')
    .description('serve one environment over stdin/stdout, one JSON request / response per line (see README, "Learned policies")')
    .action(async () => {
      await serveJsonLines(process.stdin, process.stdout, resolveScenario);
    });
  gym
    .command('perf')
    .description('env steps per second, single (in-process) and vectorised (worker threads), with a seeded random policy')
    .option('--scenario <id...>', 'scenarios', ['warehouse/g2p-small', 'warehouse/g2p-medium'])
    .option('--steps <n>', 'steps per env', parsePositiveInt, 600)
    .option('--envs <n>', 'envs of the vectorised form', parsePositiveInt, 4)
    .option('--threads <n>', 'worker threads of the vectorised form (default: cores)', parsePositiveInt)
    .option('--json <file>', 'also write the rows as JSON')
    .action(async (opts: { scenario: string[]; steps: number; envs: number; threads?: number; json?: string }) => {
      for (const s of opts.scenario) resolveScenario(s);
      const threads = opts.threads ?? Math.min(opts.envs, availableParallelism());
      const rows: GymPerfRow[] = [];
      for (const s of opts.scenario) {
        rows.push(await measureSingle(s, opts.steps));
        rows.push(await measureVector(s, opts.steps, opts.envs, threads));
      }
      console.log('| scenario | form | envs | threads | robots | steps/s | robot-steps/s |');
      console.log('|---|---|---|---|---|---|---|');
      for (const r of rows)
        console.log(`| ${r.scenario} | ${r.form} | ${r.envs} | ${r.threads} | ${r.robots} | ${r.stepsPerSec.toFixed(0)} | ${r.agentStepsPerSec.toFixed(0)} |`);
      if (opts.json) await writeFile(opts.json, `${JSON.stringify(rows, null, 2)}\n`);
    });
  gym
    .command('train')
    .description('train the example ONNX policy: behaviour cloning of the hint-following expert (pure TypeScript, no downloads)')
    .option('--scenario <id>', 'scenario to collect on', 'warehouse/g2p-small')
    .option('--seeds <list>', 'collection seeds, comma-separated', '1,2,3')
    .option('--steps <n>', 'env steps per seed', parsePositiveInt, 3000)
    .option('--epochs <n>', 'training epochs', parsePositiveInt, 8)
    .option('--hidden <n>', 'hidden units', parsePositiveInt, 32)
    .option('--out <file>', 'where to write the .onnx model', 'robots/policies/example-policy.onnx')
    .action(async (opts: { scenario: string; seeds: string; steps: number; epochs: number; hidden: number; out: string }) => {
      resolveScenario(opts.scenario);
      const seeds = opts.seeds.split(',').map(Number);
      const r = await trainExamplePolicy({ ...opts, seeds, epsilon: 0.03, log: (line) => console.log(line), resolveScenario });
      console.log(`wrote ${opts.out} (${r.bytes} bytes)`);
    });
  return gym;
}
