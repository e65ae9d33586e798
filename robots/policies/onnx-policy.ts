import * as ort from 'onnxruntime-web/wasm';
import type { FleetController, FleetObservation, RobotCommand } from '../../sim/index.ts';
import { decodeActions } from '../learn/agent-actions.ts';
import { createHintCache } from '../learn/hint-cache.ts';
import { agentViews, flatFeatureCount, flattenAgentObservation } from '../learn/agent-view.ts';

/** The policy contract: input `obs` float32 `[batch, features]` → output float32 `[batch, actions]` (logits). */
export const POLICY_INPUT = 'obs';
export const POLICY_OUTPUT = 'logits';
/** Actions of the `moves` space (stay, N, E, S, W, interact). */
export const POLICY_ACTIONS = 6;

/** Options of {@link loadOnnxPolicy}. */
export interface OnnxPolicyOptions {
  /** Patch side the policy was trained with (its input has `3·p² + 21` features). Default 5. */
  patchCells?: number;
  /** Controller name (runs and the picker show it). */
  name?: string;
}

/** A malformed model, or one whose input or output shape is not the policy contract. */
export class PolicyModelError extends Error {}

/** Runs onnxruntime-web's WASM backend single-threaded (the same engine and result in Node and the browser). */
function configureRuntime(): void {
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
}

/**
 * Loads an ONNX policy (observation → action, per robot) and checks it against the contract with
 * a trial inference. Returns a factory of controllers that share the session.
 * @throws PolicyModelError naming the expected shapes when the model is malformed or does not fit.
 */
export async function loadOnnxPolicy(bytes: Uint8Array, options: OnnxPolicyOptions = {}): Promise<() => FleetController> {
  configureRuntime();
  const p = options.patchCells ?? 5;
  const features = flatFeatureCount(p);
  const expected = `input "${POLICY_INPUT}" float32 [batch, ${features}] → output "${POLICY_OUTPUT}" float32 [batch, ${POLICY_ACTIONS}]`;
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  } catch (error) {
    throw new PolicyModelError(`not a valid ONNX model (expected ${expected}): ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!session.inputNames.includes(POLICY_INPUT) || !session.outputNames.includes(POLICY_OUTPUT)) {
    throw new PolicyModelError(
      `policy model must have ${expected}; it has inputs [${session.inputNames.join(', ')}] and outputs [${session.outputNames.join(', ')}]`,
    );
  }
  let dims: readonly number[];
  try {
    const trial = await session.run({ [POLICY_INPUT]: new ort.Tensor('float32', new Float32Array(2 * features), [2, features]) });
    dims = trial[POLICY_OUTPUT]!.dims;
    if (trial[POLICY_OUTPUT]!.type !== 'float32') throw new Error(`output type is ${trial[POLICY_OUTPUT]!.type}`);
  } catch (error) {
    throw new PolicyModelError(`policy model does not accept ${expected}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (dims.length !== 2 || dims[0] !== 2 || dims[1] !== POLICY_ACTIONS) {
    throw new PolicyModelError(`policy model must have ${expected}; for input [2, ${features}] it gave output [${dims.join(', ')}]`);
  }
  const name = options.name ?? 'onnx-policy';
  return () => createPolicyController(session, name, p, features);
}

/**
 * A controller that runs the policy on every robot's local view (`moves` actions, the env's
 * automatic task assignment) and acts on the best-scoring allowed action. It infers
 * asynchronously, so hosts call `decideAsync`.
 */
function createPolicyController(session: ort.InferenceSession, name: string, patchCells: number, features: number): FleetController {
  const hints = createHintCache();
  return {
    name,
    decide() {
      throw new Error(`${name} infers asynchronously (onnxruntime-web): run it with a host that awaits decideAsync (SimHost.advanceAsync)`);
    },
    async decideAsync(observation: FleetObservation): Promise<readonly RobotCommand[]> {
      const n = observation.robots.length;
      const { views, goals } = agentViews(observation, { patchCells }, hints);
      if (n === 0) return [];
      const input = new Float32Array(n * features);
      views.forEach((v, i) => flattenAgentObservation(v, input, i * features));
      const out = await session.run({ [POLICY_INPUT]: new ort.Tensor('float32', input, [n, features]) });
      const logits = out[POLICY_OUTPUT]!.data as Float32Array;
      const actions = views.map((v, i) => bestAllowed(logits, i * POLICY_ACTIONS, v.ready === 1 ? v.moves : NO_MOVES, goals[i]!.act !== null));
      return decodeActions(observation, goals, actions, 'moves').commands;
    },
  };
}

const NO_MOVES = new Uint8Array(4);

/** Index of the highest logit among the allowed actions (stay always; moves by mask; interact when there is something to do). Ties: lowest index. */
export function bestAllowed(logits: Float32Array, offset: number, moves: Uint8Array, canInteract: boolean): number {
  let best = 0;
  let bestV = logits[offset]!;
  for (let a = 1; a < POLICY_ACTIONS; a++) {
    const allowed = a <= 4 ? moves[a - 1] === 1 : canInteract;
    if (allowed && logits[offset + a]! > bestV) {
      best = a;
      bestV = logits[offset + a]!;
    }
  }
  return best;
}
