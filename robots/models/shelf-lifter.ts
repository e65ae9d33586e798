import type { RobotModelSpec } from '../../sim/index.ts';

/**
 * Goods-to-person drive unit (Kiva-style): a low diff-drive chassis that drives under a rack pod,
 * lifts it on a turntable and carries it to a pick station. Figures are typical of the class.
 */
export const shelfLifter: RobotModelSpec = {
  id: 'shelf-lifter',
  handles: 'pod',
  footprint: { lengthM: 0.7, widthM: 0.6, heightM: 0.3 },
  massKg: 145,
  payloadKg: 450,
  maxSpeedMps: 1.5,
  maxAccelMps2: 1.0,
  maxTurnRps: 1.6,
  liftHeightM: 0.06,
  liftSec: 2,
  safety: { stopDistanceM: 0.08, slowDistanceM: 1.0 },
  battery: { capacityWh: 1600, idleW: 40, drivingWPerMps: 180, chargeW: 1200 },
};
