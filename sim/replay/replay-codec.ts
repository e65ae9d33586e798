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
 * A keyframe is u32 tick, then for each frame section of the header, in order, only the rows that
 * changed since the previous keyframe (u32 count, then u32 row and `stride` floats each); the
 * first keyframe has every row.
 */
export function encodeReplay(replay: Replay): Uint8Array {
  const body = new ByteWriter();
  const h = replay.header;
  body.json(h);
  body.u32(replay.keyframes.length);
  let prev: ReplayKeyframe | null = null;
  for (const k of replay.keyframes) {
    body.u32(k.tick);
    for (const section of h.sections) {
      const now = k.sections[section.kind]!;
      const before = prev?.sections[section.kind];
      const changed: number[] = [];
      for (let row = 0; row < section.count; row++) if (!before || !sameRow(before, now, row, section.stride)) changed.push(row);
      body.u32(changed.length);
      for (const row of changed) {
        body.u32(row);
        for (let j = 0; j < section.stride; j++) body.f32(now[row * section.stride + j]!);
      }
    }
    prev = k;
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
  if (version !== REPLAY_VERSION) {
    const again = 'record it again with `npm run bench -- run <scenario> --replay file.tfr`';
    throw new ReplayError(`replay version ${version} is not supported: this build reads version ${REPLAY_VERSION} (${version < REPLAY_VERSION ? 'an older recording; ' : ''}${again})`);
  }
  let expected = '';
  for (let i = 0; i < CHECKSUM_CHARS; i++) expected += String.fromCharCode(r.u8());
  const bodyBytes = bytes.subarray(r.pos);
  const actual = checksum(bodyBytes);
  if (actual !== expected) throw new ReplayError(`replay is corrupt: checksum ${actual} does not match the recorded ${expected}`);
  const b = new ByteReader(bodyBytes);
  const header = b.json<ReplayHeader>();
  if (!Array.isArray(header.sections)) throw new ReplayError('replay is corrupt: its header has no frame sections');
  const count = b.u32();
  const keyframes: ReplayKeyframe[] = [];
  let prev: ReplayKeyframe | null = null;
  for (let k = 0; k < count; k++) {
    const tick = b.u32();
    const sections: Record<string, Float32Array> = {};
    for (const section of header.sections) {
      const rows: Float32Array = prev ? prev.sections[section.kind]!.slice() : new Float32Array(section.count * section.stride);
      const changed = b.u32();
      for (let c = 0; c < changed; c++) {
        const row = b.u32();
        if (row >= section.count) throw new ReplayError(`replay is corrupt: keyframe ${k} names ${section.kind} ${row} of ${section.count}`);
        for (let j = 0; j < section.stride; j++) rows[row * section.stride + j] = b.f32();
      }
      sections[section.kind] = rows;
    }
    const keyframe = { tick, sections };
    keyframes.push(keyframe);
    prev = keyframe;
  }
  const events = b.json<SimEvent[]>();
  const trailer = b.json<ReplayTrailer>();
  return { header, keyframes, events, trailer };
}

function sameRow(a: Float32Array, b: Float32Array, row: number, stride: number): boolean {
  for (let j = row * stride; j < (row + 1) * stride; j++) if (a[j] !== b[j]) return false;
  return true;
}

function checksum(data: Uint8Array): string {
  return new Hasher().bytes(data).hex();
}
