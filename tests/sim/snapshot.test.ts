import { describe, expect, it } from 'vitest';
import { makeHost, runCollect } from '../helpers/make-host.ts';

describe('snapshot and restore', () => {
  it('continues from a snapshot in a fresh host to the same hash as an uninterrupted run', async () => {
    const ticks = 1800;
    const snapshotAt = 777;
    const straight = await makeHost({ seed: 7, overrides: { minutes: 1 } });
    runCollect(straight, ticks);

    const first = await makeHost({ seed: 7, overrides: { minutes: 1 } });
    runCollect(first, snapshotAt);
    const snap = structuredClone(first.snapshot());
    first.dispose();

    const second = await makeHost({ seed: 7, overrides: { minutes: 1 } });
    second.restore(snap);
    expect(second.tick).toBe(snapshotAt);
    runCollect(second, ticks - snapshotAt);
    expect(second.tick).toBe(ticks);
    expect(second.hash()).toBe(straight.hash());
  });

  it('refuses a snapshot of another scenario version', async () => {
    const host = await makeHost({ seed: 7, overrides: { minutes: 1 } });
    const snap = { ...host.snapshot(), scenario: 'warehouse/other@9' };
    expect(() => host.restore(snap)).toThrow(/snapshot is of scenario warehouse\/other@9/);
  });
});
