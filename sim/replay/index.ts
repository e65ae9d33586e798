/** Replay files: a recorded episode (keyframes, events, final KPIs) a viewer can scrub through. */
export { REPLAY_VERSION, REPLAY_MAGIC, ReplayError, type Replay, type ReplayHeader, type ReplayKeyframe, type ReplayTrailer } from './replay-format.ts';
export { createReplayRecorder, keyframeIndexAt, replayHeaderOf, type ReplayRecorder } from './replay-recorder.ts';
export { encodeReplay, decodeReplay } from './replay-codec.ts';
