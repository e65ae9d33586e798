import type { RobotModelSpec } from '../../sim/index.ts';

/**
 * Tote-carrying AMR: a narrow diff-drive deck that drives into a tote stand, raises the tote off
 * the stand rails and carries it. Smaller and quicker than a shelf lifter, far lighter payload.
 */
export const toteCarrier: RobotModelSpec = {
  id: 'tote-carrier',
  handles: 'tote',
  footprint: { lengthM: 0.6, widthM: 0.45, heightM: 0.35 },
  massKg: 60,
  payloadKg: 40,
  maxSpeedMps: 1.8,
  maxAccelMps2: 1.2,
  maxTurnRps: 2.0,
  liftHeightM: 0.08,
  liftSec: 1.5,
  safety: { stopDistanceM: 0.15, slowDistanceM: 1.0 },
  battery: { capacityWh: 800, idleW: 25, drivingWPerMps: 90, chargeW: 600 },
};
