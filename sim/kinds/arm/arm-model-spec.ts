import { z } from 'zod';

/** One joint's limits: position range, speed and acceleration (radians, or metres for a prismatic joint). */
const jointLimitSchema = z.strictObject({
  /** Lower position limit (rad, or m for prismatic). */
  min: z.number(),
  /** Upper position limit. */
  max: z.number(),
  /** Speed limit (rad/s or m/s). */
  maxSpeed: z.number().positive(),
  /** Acceleration limit (rad/s² or m/s²). */
  maxAccel: z.number().positive(),
});

/** A 6-axis articulated arm with a spherical-offset (UR-type) wrist, in standard DH parameters. */
const articulatedArmSchema = z.strictObject({
  id: z.string().min(1),
  type: z.literal('articulated-6r'),
  /** Data sheet the numbers come from. */
  source: z.string(),
  /** DH link lengths a_i (m). */
  aM: z.array(z.number()).length(6),
  /** DH link offsets d_i (m). */
  dM: z.array(z.number()).length(6),
  /** DH twists α_i (rad). */
  alphaRad: z.array(z.number()).length(6),
  joints: z.array(jointLimitSchema).length(6),
  /** Collision radius of each link (m): link i spans the frames i−1 → i. */
  linkRadiusM: z.array(z.number().positive()).length(6),
  /** Rated payload (kg). */
  payloadKg: z.number().positive(),
  /** Published reach (m), for observations and docs. */
  reachM: z.number().positive(),
});

/** A 4-axis SCARA: two horizontal revolute links, a vertical prismatic quill, a tool rotation. */
const scaraArmSchema = z.strictObject({
  id: z.string().min(1),
  type: z.literal('scara'),
  source: z.string(),
  /** Arm #1 length, J1 → J2 (m). */
  link1M: z.number().positive(),
  /** Arm #2 length, J2 → quill (m). */
  link2M: z.number().positive(),
  /** Height of the arms above the base (m): the flange height at J3 = 0. */
  heightM: z.number().positive(),
  /** J1, J2, J4 in rad; J3 (quill travel downward) in m, 0 … stroke. */
  joints: z.array(jointLimitSchema).length(4),
  linkRadiusM: z.number().positive(),
  payloadKg: z.number().positive(),
  reachM: z.number().positive(),
});

/** An arm model: data-sheet kinematics and limits (a host catalogue entry `arm:<id>`). */
export const armModelSchema = z.discriminatedUnion('type', [articulatedArmSchema, scaraArmSchema]);

export type ArticulatedArmModel = z.output<typeof articulatedArmSchema>;
export type ScaraArmModel = z.output<typeof scaraArmSchema>;
export type ArmModelSpec = z.output<typeof armModelSchema>;

/** Number of joints of a model (6 for the articulated arm, 4 for the SCARA). */
export const jointCount = (m: ArmModelSpec): number => (m.type === 'scara' ? 4 : 6);

/** Catalogue key of an arm model: `arm:<id>`. */
export const armCatalogKey = (id: string): string => `arm:${id}`;
