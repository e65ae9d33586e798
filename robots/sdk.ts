/**
 * The public API of the `testfield` package (`import … from 'testfield'`): everything a robotics
 * team needs to write, compose and test its own controllers outside this repository.
 * - the simulation contract and its types (`FleetController`, `FleetObservation`, commands, `SimHost` …),
 * - the fleet SDK (`composeFleetController`, assigners, planners, executors, built-in controllers),
 * - the cell/arm SDK (`moveJ`, `pick`, `place`, `createPickPlaceCell` …),
 * - the policy runtime (`loadOnnxPolicy`) and the gym environment,
 * - the scenario library and its helpers (`scenarios`, `findScenario`, generators, importers).
 * Subpaths give one layer alone: `testfield/sim`, `testfield/robots`, `testfield/scenarios`.
 */
export * from '../sim/index.ts';
export * from './index.ts';
export * from '../scenarios/index.ts';
