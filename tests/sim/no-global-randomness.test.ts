import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeHost, runCollect } from '../helpers/make-host.ts';

describe('the sim never touches global randomness or clocks', () => {
  afterEach(() => vi.restoreAllMocks());

  it('completes with the same hash when Math.random and Date.now throw', async () => {
    const reference = await makeHost({ seed: 11, overrides: { minutes: 1 } });
    runCollect(reference);
    const expected = reference.hash();

    const host = await makeHost({ seed: 11, overrides: { minutes: 1 } });
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random called inside the sim');
    });
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now called inside the sim');
    });
    runCollect(host);
    expect(host.tick).toBe(1800);
    expect(host.hash()).toBe(expected);
  });
});
