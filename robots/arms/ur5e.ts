import type { ArmModelSpec } from '../../sim/index.ts';

const DEG = 3.141592653589793 / 180;
const HALF_PI = 1.5707963267948966;

/**
 * Universal Robots UR5e: 6-axis articulated arm, 5 kg payload, 850 mm reach.
 * DH parameters from Universal Robots, "DH parameters for calculations of kinematics and
 * dynamics" (universal-robots.com, UR5e row); joint ranges ±360° and joint speeds 180°/s from the
 * UR5e technical specifications. The data sheet gives no acceleration limit; we use 3 rad/s²
 * (URScript's `movej` default is 1.4 rad/s², the controller allows more).
 */
export const ur5e: ArmModelSpec = {
  id: 'ur5e',
  type: 'articulated-6r',
  source: 'Universal Robots UR5e technical specifications; UR DH parameter table (UR5e)',
  aM: [0, -0.425, -0.3922, 0, 0, 0],
  dM: [0.1625, 0, 0, 0.1333, 0.0997, 0.0996],
  alphaRad: [HALF_PI, 0, 0, HALF_PI, -HALF_PI, 0],
  joints: Array.from({ length: 6 }, () => ({ min: -360 * DEG, max: 360 * DEG, maxSpeed: 180 * DEG, maxAccel: 3 })),
  linkRadiusM: [0.06, 0.055, 0.045, 0.04, 0.04, 0.035],
  payloadKg: 5,
  reachM: 0.85,
};
