import { describe, expect, it } from 'vitest';
import { decodeReplay, Hasher, REPLAY_MAGIC, REPLAY_VERSION, ReplayError } from '../../sim/index.ts';

/** A replay built byte by byte with a valid checksum: a frame of `count × stride` values and `keyframes` keyframes that change nothing. */
function craftedReplay(count: number, stride: number, keyframes: number): Uint8Array {
  const parts: number[] = [];
  const u32 = (v: number) => parts.push(v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255);
  const json = (value: unknown) => {
    const text = JSON.stringify(value);
    u32(text.length);
    for (let i = 0; i < text.length; i++) parts.push(text.charCodeAt(i));
  };
  json({ sections: [{ kind: 'robot', count, stride, fields: [] }] });
  u32(keyframes);
  for (let k = 0; k < keyframes; k++) {
    u32(k);
    u32(0);
  }
  json([]);
  json({});
  const body = Uint8Array.from(parts);
  const sum = new Hasher().bytes(body).hex();
  const out: number[] = [...REPLAY_MAGIC];
  const head: number[] = [];
  for (const v of [REPLAY_VERSION, body.length]) head.push(v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255);
  out.push(...head);
  for (let i = 0; i < 16; i++) out.push(sum.charCodeAt(i));
  return Uint8Array.from([...out, ...body]);
}

describe('replay size limits, checked before allocating', () => {
  it('a few kilobytes that declare huge frames or many full keyframes are refused at once, with a reason', () => {
    const cases: Array<[Uint8Array, RegExp]> = [
      // 2,000 keyframes of 10^8 values: 800 GB decoded from 16 KB (the page froze at 5.7 GB before).
      [craftedReplay(10_000_000, 10, 2_000), /a frame of 100000000 values is over the limit/],
      [craftedReplay(200_000, 10, 2_000), /2000 keyframes of 2000000 values would take 15259 MiB, over the limit of 1024 MiB/],
    ];
    for (const [bytes, reason] of cases) {
      expect(bytes.length).toBeLessThan(20_000);
      let error: unknown = null;
      try {
        decodeReplay(bytes);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ReplayError);
      expect((error as ReplayError).message).toMatch(reason);
    }
  });

  it('a replay within the limits decodes', () => {
    const replay = decodeReplay(craftedReplay(100, 10, 50));
    expect(replay.keyframes).toHaveLength(50);
  });
});
