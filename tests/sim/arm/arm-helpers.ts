import { hostCatalog } from '../../../robots/index.ts';
import { kindsWith, SimHost, type CellController, type FleetController, type ScenarioSpecInput } from '../../../sim/index.ts';
import { boxKind } from '../../fixtures/box-kind.ts';
import { makeSpec } from '../../helpers/make-host.ts';

/** An 8 × 8 m floor, the robot parked in the north-west corner (a pod and a station in the far corners). */
export const ARM_LAYOUT = [
  '##########',
  '#S......R#',
  '#........#',
  '#........#',
  '#........#',
  '#........#',
  '#........#',
  '#........#',
  '#.......P#',
  '##########',
];

export const armKinds = kindsWith([boxKind]);

/** A scenario with `arms` and `boxes` sections on {@link ARM_LAYOUT}. */
export function armSpec(arms: unknown[], boxes: unknown[] = [], patch: Partial<ScenarioSpecInput> = {}): ScenarioSpecInput {
  return makeSpec(ARM_LAYOUT, { arms, boxes, horizonSec: 120, ...patch } as Partial<ScenarioSpecInput>);
}

const idle: FleetController = { name: 'idle', decide: () => [] };

/** A host with the arm-model catalogue and the box kind. */
export async function armHost(
  spec: ScenarioSpecInput,
  options: { cellController?: CellController; seed?: number; controller?: FleetController } = {},
): Promise<SimHost> {
  const host = await SimHost.create(hostCatalog);
  host.load({
    spec,
    controller: options.controller ?? idle,
    kinds: armKinds,
    ...(options.cellController ? { cellController: options.cellController } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  return host;
}

/** A cell controller that issues a fixed list of arm commands one after another (each when the arm is idle again). */
export function scripted(commands: unknown[]): CellController {
  let next = 0;
  let waitFor = -1;
  return {
    name: 'scripted',
    decide(o) {
      const arm = (o.things.arm as Array<{ busy: boolean; commandsDone: number }>)[0]!;
      if (arm.busy || next >= commands.length) return [];
      if (waitFor >= 0 && arm.commandsDone < waitFor) {
        // Refused: go on with the next one anyway.
      }
      waitFor = arm.commandsDone + 1;
      return [commands[next++]];
    },
  };
}

/** A UR5e with a suction cup on a 0.5 m pedestal at (4, 4). */
export const UR_SUCTION = { model: 'ur5e', base: { xM: 4, yM: 0.5, zM: 4 }, tool: 'suction', homeDeg: [0, -90, 90, -90, -90, 0] };
