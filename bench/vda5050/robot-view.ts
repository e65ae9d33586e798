import type { RobotModeName, RobotObservation } from '../../sim/index.ts';

/** What the vehicle last saw of its robot (copied: observations are reused views). */
export interface RobotView {
  x: number;
  z: number;
  headingX: number;
  headingZ: number;
  speedMps: number;
  node: number;
  atNode: boolean;
  mode: RobotModeName;
  carrying: number | null;
  batteryWh: number;
  blockedSec: number;
}

/** A copy of the fields of `r` a vehicle's state and visualization messages report. */
export function robotViewOf(r: RobotObservation): RobotView {
  return {
    x: r.x,
    z: r.z,
    headingX: r.headingX,
    headingZ: r.headingZ,
    speedMps: r.speedMps,
    node: r.node,
    atNode: r.atNode,
    mode: r.mode,
    carrying: r.carrying,
    batteryWh: r.batteryWh,
    blockedSec: r.blockedSec,
  };
}
