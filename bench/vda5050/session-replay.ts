import { hostCatalog } from '../../robots/index.ts';
import { SimHost } from '../../sim/index.ts';
import type { VdaRecording } from './session-kpis.ts';
import { VdaFleetController } from './vda-fleet-controller.ts';

/** What a replay found. */
export interface ReplayOutcome {
  tick: number;
  hash: string;
  recordedHash: string;
  matches: boolean;
  messages: number;
}

/**
 * Re-simulates a recorded session without a broker: the same scenario and seed, each recorded
 * message applied at its tick. The hash matches the recording's when the sim is deterministic.
 */
export async function replayVdaSession(recording: VdaRecording): Promise<ReplayOutcome> {
  const host = await SimHost.create(hostCatalog);
  try {
    const controller = new VdaFleetController(recording.identity, recording.mapId, recording.messages);
    host.load({ spec: recording.spec, controller, seed: recording.seed });
    host.advance(recording.endTick);
    const hash = host.hash();
    return { tick: host.tick, hash, recordedHash: recording.hash, matches: hash === recording.hash, messages: controller.appliedCount };
  } finally {
    host.dispose();
  }
}
