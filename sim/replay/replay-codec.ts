import type { SimEvent } from '../events/sim-event.ts';
import { Hasher } from '../util/hash.ts';
import { ByteReader, ByteWriter } from './byte-io.ts';
import { REPLAY_MAGIC, REPLAY_VERSION, ReplayError, type Replay, type ReplayHeader, type ReplayKeyframe, type ReplayTrailer } from './replay-format.ts';

/** Length of the ASCII checksum field. */
const CHECKSUM_CHARS = 16;

/**
 * Encodes a replay. Layout (little-endian):
 * `TFRP` · u32 version · u32 body length · 16 ASCII hex checksum of the body · body.
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
  out.u32(bodyBytes.length);
  const sum = checksum(bodyBytes);
  for (let i = 0; i < CHECKSUM_CHARS; i++) out.u8(sum.charCodeAt(i));
  out.bytes(bodyBytes);
  return out.finish();
}

/** Most values one decoded frame may hold (10,000 robots with a few dozen fields each fit). */
const MAX_REPLAY_FRAME_FLOATS = 2_000_000;
/** Most memory the decoded keyframes of one replay may take, bytes. */
const MAX_REPLAY_DECODED_BYTES = 1024 * 2 ** 20;

/**
 * Decodes a replay, checking magic, version, length and checksum, and its size against
 * {@link MAX_REPLAY_FRAME_FLOATS} and {@link MAX_REPLAY_DECODED_BYTES} before it allocates; throws
 * `ReplayError` whose `code` names the case (`not-a-replay`, `wrong-version`, `truncated`,
 * `bad-checksum`, `malformed`) and whose message says it in words. Never throws anything else.
 */
export function decodeReplay(bytes: Uint8Array): Replay {
  try {
    return decodeChecked(bytes);
  } catch (error) {
    if (error instanceof ReplayError) throw error;
    throw new ReplayError(`replay is malformed: ${error instanceof Error ? error.message : String(error)}`, 'malformed');
  }
}

function decodeChecked(bytes: Uint8Array): Replay {
  const r = new ByteReader(bytes);
  if (bytes.length < 4) throw new ReplayError('not a Testfield replay: the file is too short', 'not-a-replay');
  for (const b of REPLAY_MAGIC) {
    if (r.u8() !== b) throw new ReplayError('not a Testfield replay: the file does not start with TFRP', 'not-a-replay');
  }
  if (bytes.length < 8) throw new ReplayError(`replay is truncated: ${bytes.length} bytes, it ends inside its version field`, 'truncated');
  const version = r.u32();
  if (version !== REPLAY_VERSION) {
    const again = 'record it again with `npm run bench -- run <scenario> --replay file.tfr`';
    throw new ReplayError(
      `replay version ${version} is not supported: this build reads version ${REPLAY_VERSION} (${version < REPLAY_VERSION ? 'an older recording; ' : 'a newer recording; '}${again})`,
      'wrong-version',
    );
  }
  const headerBytes = 12 + CHECKSUM_CHARS;
  if (bytes.length < headerBytes) throw new ReplayError(`replay is truncated: ${bytes.length} bytes, shorter than its ${headerBytes}-byte header`, 'truncated');
  const length = r.u32();
  let expected = '';
  for (let i = 0; i < CHECKSUM_CHARS; i++) expected += String.fromCharCode(r.u8());
  const bodyBytes = bytes.subarray(r.pos);
  if (bodyBytes.length < length)
    throw new ReplayError(
      `replay is truncated: ${bodyBytes.length} of its ${length} body bytes are there (${((100 * bodyBytes.length) / Math.max(1, length)).toFixed(0)} %)`,
      'truncated',
    );
  if (bodyBytes.length > length) throw new ReplayError(`replay is malformed: ${bodyBytes.length - length} bytes follow its ${length}-byte body`, 'malformed');
  const actual = checksum(bodyBytes);
  if (actual !== expected)
    throw new ReplayError(`replay has a bad checksum: ${actual} does not match the recorded ${expected} (the file was altered or damaged)`, 'bad-checksum');
  const b = new ByteReader(bodyBytes);
  const header = b.json<ReplayHeader>();
  if (!header || typeof header !== 'object' || !Array.isArray(header.sections))
    throw new ReplayError('replay is malformed: its header has no frame sections', 'malformed');
  for (const s of header.sections) {
    if (
      !s ||
      typeof s.kind !== 'string' ||
      !Number.isSafeInteger(s.count) ||
      !Number.isSafeInteger(s.stride) ||
      s.count < 0 ||
      s.stride < 0 ||
      s.count * s.stride > 1e8
    )
      throw new ReplayError('replay is malformed: a frame section of its header is not a kind with a row count and stride', 'malformed');
  }
  const count = b.u32();
  // Limits checked before anything is allocated: a few crafted bytes must not make a decoder
  // allocate gigabytes (each keyframe is a full copy of the frame).
  const frameFloats = header.sections.reduce((n, s) => n + s.count * s.stride, 0);
  const minKeyframeBytes = 4 + 4 * header.sections.length;
  if (count > b.remaining / minKeyframeBytes)
    throw new ReplayError(`replay is malformed: it declares ${count} keyframes, more than its ${bodyBytes.length} bytes can hold`, 'malformed');
  if (frameFloats > MAX_REPLAY_FRAME_FLOATS)
    throw new ReplayError(`replay is too large: a frame of ${frameFloats} values is over the limit of ${MAX_REPLAY_FRAME_FLOATS}`, 'malformed');
  if (count * frameFloats * 4 > MAX_REPLAY_DECODED_BYTES)
    throw new ReplayError(
      `replay is too large: ${count} keyframes of ${frameFloats} values would take ${Math.round((count * frameFloats * 4) / 2 ** 20)} MiB, over the limit of ${MAX_REPLAY_DECODED_BYTES / 2 ** 20} MiB`,
      'malformed',
    );
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
        if (row >= section.count) throw new ReplayError(`replay is malformed: keyframe ${k} names ${section.kind} ${row} of ${section.count}`, 'malformed');
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
  if (!Array.isArray(events)) throw new ReplayError('replay is malformed: its events are not a list', 'malformed');
  if (!trailer || typeof trailer !== 'object') throw new ReplayError('replay is malformed: it has no trailer', 'malformed');
  return { header, keyframes, events, trailer };
}

function sameRow(a: Float32Array, b: Float32Array, row: number, stride: number): boolean {
  for (let j = row * stride; j < (row + 1) * stride; j++) if (a[j] !== b[j]) return false;
  return true;
}

function checksum(data: Uint8Array): string {
  return new Hasher().bytes(data).hex();
}
