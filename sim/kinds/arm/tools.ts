/**
 * The grippers an arm can carry, with their tolerances. The tool centre point (TCP) is `lengthM`
 * along the flange's z axis: the suction cup's face, or the middle of the parallel jaw's finger pads.
 */

const DEG = 3.141592653589793 / 180;

/** A suction cup: grips a face it touches squarely enough. */
export interface SuctionTool {
  readonly type: 'suction';
  readonly lengthM: number;
  /** Cup radius (m), for the collider. */
  readonly cupRadiusM: number;
  /** Largest gap between the cup face and the item's face that still seals (m). */
  readonly maxGapM: number;
  /** Largest angle between the cup axis and the face normal that still seals (rad). */
  readonly maxTiltRad: number;
  /** Holding force of the vacuum (N): more is needed to accelerate a heavier item, it slips. */
  readonly holdForceN: number;
  /** Time to build up or release the vacuum (s). */
  readonly gripSec: number;
}

/** A parallel-jaw gripper: closes on an item whose width fits its stroke, centred between the fingers. */
export interface ParallelJawTool {
  readonly type: 'parallel-jaw';
  readonly lengthM: number;
  /** Widest opening (m); items up to this wide can be gripped. */
  readonly strokeM: number;
  /** Largest offset of the item's centre from the jaw's centre along the closing axis (m). */
  readonly centreTolM: number;
  /** Grip force per finger (N) and pad friction: the item slips when m·|a − g| > 2 · μ · F. */
  readonly gripForceN: number;
  readonly friction: number;
  readonly gripSec: number;
}

export type ToolSpec = SuctionTool | ParallelJawTool;
export type ToolType = ToolSpec['type'];

/**
 * The built-in tools. Suction: one Ø40 mm cup at −60 kPa holds ≈ 75 N; we rate it 60 N. Parallel
 * jaw: after the Robotiq 2F-85 data sheet (85 mm stroke, 20–235 N grip force, 20–150 mm/s, so a full
 * close takes ≈ 0.6 s); 100 N and μ = 0.5 assumed.
 */
export const TOOLS: Readonly<Record<ToolType, ToolSpec>> = Object.freeze({
  suction: { type: 'suction', lengthM: 0.1, cupRadiusM: 0.02, maxGapM: 0.005, maxTiltRad: 10 * DEG, holdForceN: 60, gripSec: 0.2 },
  'parallel-jaw': { type: 'parallel-jaw', lengthM: 0.16, strokeM: 0.085, centreTolM: 0.01, gripForceN: 100, friction: 0.5, gripSec: 0.6 },
});

/** The force (N) a tool can hold an item with before it slips. */
export const holdingForceN = (t: ToolSpec): number => (t.type === 'suction' ? t.holdForceN : 2 * t.friction * t.gripForceN);
