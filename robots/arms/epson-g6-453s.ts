import type { ArmModelSpec } from '../../sim/index.ts';

const DEG = 3.141592653589793 / 180;

/**
 * Epson G6-453S SCARA (450 mm reach, 150 mm Z stroke, 3 kg rated / 6 kg max payload).
 * From Epson's "G6 series manipulator" specifications: arm #1 250 mm, arm #2 200 mm; J1 ±152°,
 * J2 ±147.5°, J3 150 mm, J4 ±360°; maximum operating speeds J1+J2 8,300 mm/s (tip), J3 2,350 mm/s,
 * J4 2,400°/s. Per-joint speeds for J1 and J2 are not published: we take 8,300 mm/s at the 450 mm tip
 * (≈ 1,057°/s) and use 600°/s for each. Accelerations are not published either: 20 rad/s² (J1, J2),
 * 20 m/s² (J3), 60 rad/s² (J4) are our assumptions (Epson's `Accel` defaults to a fraction of these).
 */
export const epsonG6453s: ArmModelSpec = {
  id: 'epson-g6-453s',
  type: 'scara',
  source: 'Epson G6 series SCARA specifications (G6-453S)',
  link1M: 0.25,
  link2M: 0.2,
  heightM: 0.4,
  joints: [
    { min: -152 * DEG, max: 152 * DEG, maxSpeed: 600 * DEG, maxAccel: 20 },
    { min: -147.5 * DEG, max: 147.5 * DEG, maxSpeed: 600 * DEG, maxAccel: 20 },
    { min: 0, max: 0.15, maxSpeed: 2.35, maxAccel: 20 },
    { min: -360 * DEG, max: 360 * DEG, maxSpeed: 2400 * DEG, maxAccel: 60 },
  ],
  linkRadiusM: 0.05,
  payloadKg: 3,
  reachM: 0.45,
};
