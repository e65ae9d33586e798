import { writeFile } from 'node:fs/promises';
import { createRootRng } from '../../sim/index.ts';
import { POLICY_ACTIONS, POLICY_INPUT, POLICY_OUTPUT } from '../policies/onnx-policy.ts';
import { flatFeatureCount, flattenAgentObservation } from './agent-view.ts';
import { expertAction } from './expert.ts';
import { createMlp, trainMlp } from './mlp.ts';
import { mlpToOnnx } from './onnx-writer.ts';
import { createParallelEnv } from './parallel-env.ts';
import { registeredScenario, type ScenarioResolver } from './scenario-resolver.ts';

/** Options of {@link trainExamplePolicy}. */
export interface TrainOptions {
  scenario: string;
  seeds: number[];
  /** Env steps collected per seed. */
  steps: number;
  epochs: number;
  hidden: number;
  /** Share of random (allowed) actions in the behaviour policy, for coverage. */
  epsilon: number;
  out: string;
  log?: (line: string) => void;
  /** Turns `scenario` into a spec (default: registered ids; the CLI's also reads scenario files). */
  resolveScenario?: ScenarioResolver;
}

/**
 * Behaviour cloning of the hint-following expert ({@link expertAction}) into a two-layer
 * perceptron, written as ONNX. Samples are the robots' views while `ready` (when a move takes
 * effect); the behaviour policy mixes in `epsilon` random allowed actions so the data covers
 * states off the expert's path. Deterministic in its options.
 */
export async function trainExamplePolicy(o: TrainOptions): Promise<{ samples: number; accuracy: number; bytes: number }> {
  const log = o.log ?? (() => undefined);
  const patchCells = 5;
  const features = flatFeatureCount(patchCells);
  const rows: number[] = [];
  const labels: number[] = [];
  const rng = createRootRng(20_261_202);
  const env = await createParallelEnv({ scenario: (o.resolveScenario ?? registeredScenario)(o.scenario), patchCells, maxSteps: o.steps });
  const row = new Float32Array(features);
  for (const seed of o.seeds) {
    let obs = env.reset(seed).observations;
    for (let t = 0; t < o.steps; t++) {
      const actions: Record<string, number> = {};
      for (const agent of env.possibleAgents) {
        const view = obs[agent]!;
        const label = expertAction(view, patchCells);
        if (view.ready === 1) {
          flattenAgentObservation(view, row);
          for (const v of row) rows.push(v);
          labels.push(label);
        }
        let act = label;
        if (view.ready === 1 && rng.next() < o.epsilon) {
          const allowed = [0, ...[1, 2, 3, 4].filter((a) => view.moves[a - 1] === 1)];
          act = allowed[rng.int(allowed.length)]!;
        }
        actions[agent] = act;
      }
      const s = env.step(actions);
      obs = s.observations;
      if (env.agents.length === 0) break;
    }
    log(`seed ${seed}: ${labels.length} samples so far, ${env.host.kpis().ordersDelivered} orders delivered while collecting`);
  }
  env.close();
  const xs = Float32Array.from(rows);
  const ys = Int32Array.from(labels);
  const mlp = createMlp(features, o.hidden, POLICY_ACTIONS, rng.fork('init'));
  const accuracy = trainMlp(mlp, xs, ys, o.epochs, rng.fork('shuffle'));
  log(`trained ${features}→${o.hidden}→${POLICY_ACTIONS} on ${ys.length} samples, ${o.epochs} epochs: training accuracy ${(accuracy * 100).toFixed(1)} %`);
  const bytes = mlpToOnnx(
    mlp,
    POLICY_INPUT,
    POLICY_OUTPUT,
    `behaviour clone of the hint-following expert; ${o.scenario} seeds ${o.seeds.join(',')}, ${o.steps} steps each, ${o.epochs} epochs; input ${POLICY_INPUT} [batch, ${features}], output ${POLICY_OUTPUT} [batch, ${POLICY_ACTIONS}]`,
  );
  await writeFile(o.out, bytes);
  return { samples: ys.length, accuracy, bytes: bytes.length };
}
