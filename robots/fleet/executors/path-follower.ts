import type { Executor } from '../fleet-parts.ts';

/** Hands the whole route to the robot's onboard route tracker (`follow`). */
export function createPathFollowerExecutor(): Executor {
  return {
    name: 'path-follower',
    execute(_observation, robot, path) {
      return [{ kind: 'follow', robot: robot.id, path }];
    },
  };
}
