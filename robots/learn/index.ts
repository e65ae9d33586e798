/**
 * Learned-policy environments over the simulation: a Gymnasium-style single-agent env
 * (`createEnv`), a PettingZoo-style parallel multi-agent env (`createParallelEnv`), spaces as
 * data, per-robot local views and KPI-event rewards.
 */
export { createEnv, stackedSpace, type Env, type EnvInfo, type FleetEnvObservation } from './gym-env.ts';
export {
  createParallelEnv,
  type EnvOptions,
  type ParallelEnv,
  type ParallelResetResult,
  type ParallelStepResult,
  type AgentInfo,
  type FleetInfo,
} from './parallel-env.ts';
export {
  agentObservationSpace,
  agentViews,
  flattenAgentObservation,
  flatFeatureCount,
  type AgentObservation,
  type ViewOptions,
  type ViewBounds,
} from './agent-view.ts';
export { agentActionSpace, decodeActions, assignTasks, ACTION_NAMES, type ActionMode, type AgentAction, type DecodedActions } from './agent-actions.ts';
export { agentGoals, hintMove, allowedMoves, isReady, type AgentGoal } from './agent-goals.ts';
export { DEFAULT_REWARDS, scoreStep, type RewardWeights, type TerminationCause, type StepOutcome } from './rewards.ts';
export {
  box,
  discrete,
  multiDiscrete,
  dict,
  contains,
  whyNotIn,
  sampleSpace,
  shapeSize,
  type Space,
  type BoxSpace,
  type DiscreteSpace,
  type MultiDiscreteSpace,
  type DictSpace,
  type SpaceDtype,
  type SpaceValue,
} from './spaces.ts';
