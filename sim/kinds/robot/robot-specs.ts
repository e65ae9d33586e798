import type { RobotModelSpec } from '../../schema/robot-model-spec.ts';
import { robotRows } from './robot-columns.ts';
import type { SimModel } from '../../model/sim-model.ts';

const specsByModel = new WeakMap<SimModel, readonly RobotModelSpec[]>();

/**
 * Each robot's model in fleet order, one array per compiled model. The motion stage and the fleet
 * view read a robot's model for every robot, every tick; through the compiled robots that was a
 * separate object per robot (a cache miss each at 10,000 robots), here it is one array of the few
 * shared models.
 */
export function robotSpecs(model: SimModel): readonly RobotModelSpec[] {
  let specs = specsByModel.get(model);
  if (!specs) specsByModel.set(model, (specs = Object.freeze(robotRows.things(model).map((robot) => robot.model))));
  return specs;
}
