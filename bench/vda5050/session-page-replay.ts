import { hostCatalog } from '../../robots/index.ts';
import { createReplayRecorder, replayHeaderOf, SimHost, type Replay } from '../../sim/index.ts';
import type { VdaRecording } from './session-kpis.ts';
import type { ReplayOutcome } from './session-replay.ts';
import { VdaFleetController } from './vda-fleet-controller.ts';

/** Keyframe spacing of a session turned into a page replay: one a simulated second at 30 Hz. */
export const SESSION_KEYFRAME_EVERY_TICKS = 30;

/**
 * Re-simulates a recorded session (as {@link replayVdaSession} does) while recording the page's
 * replay (`.tfr`: pose keyframes, every event, the final KPIs and hash), so the browser test field
 * plays the session: `testfield replay SESSION.json --open`.
 */
export async function vdaSessionToReplay(
  recording: VdaRecording,
  keyframeEveryTicks = SESSION_KEYFRAME_EVERY_TICKS,
): Promise<{ replay: Replay; outcome: ReplayOutcome }> {
  const host = await SimHost.create(hostCatalog);
  try {
    const controller = new VdaFleetController(recording.identity, recording.mapId, recording.messages);
    host.load({ spec: recording.spec, controller, seed: recording.seed });
    const recorder = createReplayRecorder(replayHeaderOf(host.model, recording.seed, `vda5050 (${recording.messages.length} messages)`, keyframeEveryTicks));
    recorder.keyframe(host.frame());
    while (host.tick < recording.endTick && !host.done) {
      const { events } = host.advance(Math.min(keyframeEveryTicks, recording.endTick - host.tick));
      recorder.events(events);
      recorder.keyframe(host.frame());
    }
    const hash = host.hash();
    const replay = recorder.finish(host.tick, host.kpis(), hash);
    return { replay, outcome: { tick: host.tick, hash, recordedHash: recording.hash, matches: hash === recording.hash, messages: controller.appliedCount } };
  } finally {
    host.dispose();
  }
}
