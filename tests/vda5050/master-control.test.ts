import { describe, expect, it } from 'vitest';
import { replayVdaSession } from '../../bench/vda5050/session-replay.ts';
import { driveWithMasterController } from './master-control-drive.ts';
import { expectSpecBehaviour } from './spec-behaviour.ts';

describe('VDA 5050: vda-5050-lib MasterController drives warehouse/g2p-small (embedded aedes broker)', () => {
  it('orders with pick and drop to several vehicles, pause and resume, cancel, order update: all as the spec says; every published message valid; the recording replays to the same hash', async () => {
    const d = await driveWithMasterController();
    expectSpecBehaviour(d);
    const replay = await replayVdaSession(d.result.recording);
    expect(replay.messages).toBe(d.result.recording.messages.length);
    expect(replay.messages).toBeGreaterThan(5);
    expect(replay.tick).toBe(d.result.ticks);
    expect(replay.hash).toBe(d.result.hash);
  }, 300_000);
});
