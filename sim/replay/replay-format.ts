import type { SimEvent } from '../events/sim-event.ts';
import type { Kpis } from '../metrics/kpis.ts';
import type { FrameSectionLayout } from '../host/pose-frame.ts';
import type { ScenarioSpecInput } from '../kinds/builtin-spec.ts';

/** Version of the replay file layout; readers refuse any other (version 2: one frame section per kind). */
export const REPLAY_VERSION = 3;

/** The four bytes every replay file starts with: `TFRP`. */
export const REPLAY_MAGIC = [0x54, 0x46, 0x52, 0x50] as const;

/** What a replay shows: enough to rebuild the field without the scenario registry. */
export interface ReplayHeader {
  scenarioId: string;
  title: string;
  seed: number;
  controller: string;
  /** Ticks the recording covers (the final tick). */
  ticks: number;
  hz: number;
  /** A keyframe is stored every this many ticks (plus the final tick). */
  keyframeEveryTicks: number;
  /** The keyframes' frame sections, one per kind that moves (see `pose-frame.ts`). */
  sections: FrameSectionLayout[];
  /** The spec as run (overrides applied), so a viewer can draw the layout. */
  spec: ScenarioSpecInput;
}

/** Poses at one tick, laid out like a `PoseFrame`. */
export interface ReplayKeyframe {
  tick: number;
  sections: Record<string, Float32Array>;
}

/** What the run ended with: a viewer checks its own fold of the events against these. */
export interface ReplayTrailer {
  kpis: Kpis;
  hash: string;
}

/** A decoded replay. Events are in tick order. */
export interface Replay {
  header: ReplayHeader;
  keyframes: ReplayKeyframe[];
  events: SimEvent[];
  trailer: ReplayTrailer;
}

/** A replay that cannot be read: wrong magic, unsupported version, truncated, or a checksum mismatch. */
/** What is wrong with a replay file, by name. */
export type ReplayErrorCode = 'not-a-replay' | 'wrong-version' | 'truncated' | 'bad-checksum' | 'malformed';

export class ReplayError extends Error {
  /** What is wrong, for callers that react to the case (the message says it in words). */
  readonly code: ReplayErrorCode;
  constructor(message: string, code: ReplayErrorCode = 'malformed') {
    super(message);
    this.name = 'ReplayError';
    this.code = code;
  }
}
