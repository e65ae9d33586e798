import type { SimEvent } from '../events/sim-event.ts';
import { Hasher } from '../util/hash.ts';
import { ByteReader, ByteWriter } from './byte-io.ts';
import { REPLAY_MAGIC, REPLAY_VERSION, ReplayError, type Replay, type ReplayHeader, type ReplayKeyframe, type ReplayTrailer } from './replay-format.ts';

/** Length of the ASCII checksum field. */
const CHECKSUM_CHARS = 16;

/**
 * Encodes a replay. Layout (little-endian):
 * `TFRP` · u32 version · 16 ASCII hex checksum of the body · body.
 * Body: header JSON · u32 keyframe count · keyframes · events JSON · trailer JSON.
 * A keyframe is u32 tick, the robot floats, then only the loads that changed since the previous
 * keyframe (u32 count, then u32 index and `loadStride` floats each); the first keyframe has all loads.
 */
export function encodeReplay(replay: Replay): Uint8Array {
  const body = new ByteWriter();
  const h = replay.header;
  body.json(h);
  body.u32(replay.keyframes.length);
  let prev: Float32Array | null = null;
  for (const k of replay.keyframes) {
    body.u32(k.tick);
    for (let i = 0; i < h.robots * h.robotStride; i++) body.f32(k.robots[i]!);
    const changed: number[] = [];
    for (let l = 0; l < h.loads; l++) {
      if (!prev || !sameLoad(prev, k.loads, l, h.loadStride)) changed.push(l);
    }
    body.u32(changed.length);
    for (const l of changed) {
      body.u32(l);
      for (let j = 0; j < h.loadStride; j++) body.f32(k.loads[l * h.loadStride + j]!);
    }
    prev = k.loads;
  }
  body.json(replay.events);
  body.json(replay.trailer);
  const bodyBytes = body.finish();
  const out = new ByteWriter();
  for (const b of REPLAY_MAGIC) out.u8(b);
  out.u32(REPLAY_VERSION);
  const sum = checksum(bodyBytes);
  for (let i = 0; i < CHECKSUM_CHARS; i++) out.u8(sum.charCodeAt(i));
  out.bytes(bodyBytes);
  return out.finish();
}

/** Decodes a replay, checking magic, version and checksum; throws `ReplayError` saying what is wrong. */
export function decodeReplay(bytes: Uint8Array): Replay {
  const r = new ByteReader(bytes);
  if (bytes.length < 8 + CHECKSUM_CHARS) throw new ReplayError('not a Testfield replay: the file is too short');
  for (const b of REPLAY_MAGIC) {
    if (r.u8() !== b) throw new ReplayError('not a Testfield replay: the file does not start with TFRP');
  }
  const version = r.u32();
  if (version !== REPLAY_VERSION) throw new ReplayError(`replay version ${version} is not supported (this build reads version ${REPLAY_VERSION})`);
  let expected = '';
  for (let i = 0; i < CHECKSUM_CHARS; i++) expected += String.fromCharCode(r.u8());
  const bodyBytes = bytes.subarray(r.pos);
  const actual = checksum(bodyBytes);
  if (actual !== expected) throw new ReplayError(`replay is corrupt: checksum ${actual} does not match the recorded ${expected}`);
  const b = new ByteReader(bodyBytes);
  const header = b.json<ReplayHeader>();
  const count = b.u32();
  const keyframes: ReplayKeyframe[] = [];
  let prev: Float32Array | null = null;
  for (let k = 0; k < count; k++) {
    const tick = b.u32();
    const robots = new Float32Array(header.robots * header.robotStride);
    for (let i = 0; i < robots.length; i++) robots[i] = b.f32();
    const loads: Float32Array = prev ? prev.slice() : new Float32Array(header.loads * header.loadStride);
    const changed = b.u32();
    for (let c = 0; c < changed; c++) {
      const l = b.u32();
      if (l >= header.loads) throw new ReplayError(`replay is corrupt: keyframe ${k} names load ${l} of ${header.loads}`);
      for (let j = 0; j < header.loadStride; j++) loads[l * header.loadStride + j] = b.f32();
    }
    keyframes.push({ tick, robots, loads });
    prev = loads;
  }
  const events = b.json<SimEvent[]>();
  const trailer = b.json<ReplayTrailer>();
  return { header, keyframes, events, trailer };
}

function sameLoad(a: Float32Array, b: Float32Array, load: number, stride: number): boolean {
  for (let j = load * stride; j < (load + 1) * stride; j++) if (a[j] !== b[j]) return false;
  return true;
}

function checksum(data: Uint8Array): string {
  return new Hasher().bytes(data).hex();
}
