import { createGreedyController } from '../../robots/index.ts';
import type { ControllerFactory, FleetController, RobotCommand } from '../../sim/index.ts';

/**
 * Controllers that misbehave on purpose, so the page's survival can be tested in a real browser
 * (the page runs only bundled controllers; the bench's fixtures live in `tests/`, which hosts never
 * import). They are loadable by name (`test/spinning` …) but never listed in the pickers.
 */
export const TEST_CONTROLLER_PREFIX = 'test/';

const spinning = (): FleetController => {
  const greedy = createGreedyController();
  return {
    name: 'test/spinning',
    decide(o) {
      if (o.timeSec >= 2) for (;;) {}
      return greedy.decide(o);
    },
  };
};

const throwing = (): FleetController => ({
  name: 'test/throwing',
  decide() {
    throw new Error('test controller throws on every tick');
  },
});

const garbage = (): FleetController => ({
  name: 'test/garbage',
  decide: (o) =>
    o.tick % 30 === 15
      ? ('not commands' as unknown as RobotCommand[])
      : ([{ kind: 'drive', robot: 0, linearMps: Number.NaN, angularRps: 0 }, { kind: 'teleport', robot: 1 }, 42] as unknown as RobotCommand[]),
});

const mutating = (): FleetController => {
  const greedy = createGreedyController();
  return {
    name: 'test/mutating',
    reset: (info) => greedy.reset?.(info),
    decide(o) {
      const commands = greedy.decide(o);
      o.roadmap.nodeX.fill(-1000);
      return commands;
    },
  };
};

/** The misbehaving controllers by name. */
export const TEST_CONTROLLERS: ReadonlyMap<string, ControllerFactory> = new Map([
  ['test/spinning', spinning],
  ['test/throwing', throwing],
  ['test/garbage', garbage],
  ['test/mutating', mutating],
]);
