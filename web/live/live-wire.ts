import type { FrameSectionLayout, ScenarioSpecInput } from '../../sim/page-api.ts';

/**
 * The wire format of a live session feed (`testfield vda5050 … --live-hz`), read by the page
 * (`?vda5050=ws://…`): MQTT topics under one root, published by the headless session.
 *
 * - `<root>/scene` (retained, JSON {@link LiveScene}): the scenario as run and the frame layout;
 * - `<root>/frame` (binary, {@link encodeLiveFrame}): the poses of every kind at one tick;
 * - `<root>/kpis` (JSON `{ tick, kpis }`, about once a wall second);
 * - `<root>/events` (JSON `{ events }`): the events of {@link LIVE_EVENT_TYPES}, with the frame after them;
 * - `<root>/status` (retained, JSON {@link LiveStatus}): running, or ended with the final hash.
 */
export const LIVE_FORMAT = 'testfield-live';
export const LIVE_VERSION = 1;

/** Events the feed carries: those the page's event list shows (collisions, deadlocks, rejections, faults …). */
export const LIVE_EVENT_TYPES: ReadonlySet<string> = new Set([
  'contact.began',
  'deadlock.detected',
  'command.rejected',
  'controller.failed',
  'watchdog.tripped',
  'progress.stalled',
  'fault.injected',
  'fault.began',
  'battery.stranded',
]);

/** Events sent with one frame at most (the rest are counted in the KPIs, not listed). */
export const LIVE_EVENTS_PER_FRAME = 200;

/** Topic root of a session's live feed by default: `testfield/live/<manufacturer>`. */
export function liveTopicRoot(manufacturer: string): string {
  return `testfield/live/${manufacturer}`;
}

/** The retained scene message: what the page needs to draw the field before the first frame. */
export interface LiveScene {
  format: typeof LIVE_FORMAT;
  version: typeof LIVE_VERSION;
  /** Name the command was given (registered id or file). */
  scenarioName: string;
  /** The spec as run (robot count overrides applied). */
  spec: ScenarioSpecInput;
  seed: number;
  hz: number;
  /** Frame sections in the order {@link encodeLiveFrame} writes them. */
  sections: FrameSectionLayout[];
}

/** The retained status message. */
export interface LiveStatus {
  state: 'running' | 'ended';
  tick: number;
  /** State hash at `tick` (given when ended). */
  hash?: string;
}

/** One decoded frame: the tick, when the session sent it (epoch ms) and one float array per kind. */
export interface LiveFrame {
  tick: number;
  sentEpochMs: number;
  sections: Record<string, Float32Array>;
}

/** Bytes before the floats: tick (u32), reserved (u32), sent time (f64, epoch ms). */
const HEADER_BYTES = 16;

/** Floats of one frame in `layout`. */
function floatsOf(layout: readonly FrameSectionLayout[]): number {
  return layout.reduce((n, s) => n + s.count * s.stride, 0);
}

/** Encodes the poses at `tick` in `layout`'s order (a section missing from `sections` is zeros). */
export function encodeLiveFrame(
  layout: readonly FrameSectionLayout[],
  tick: number,
  sentEpochMs: number,
  sections: Readonly<Record<string, Float32Array>>,
): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES + floatsOf(layout) * 4);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, tick, true);
  view.setFloat64(8, sentEpochMs, true);
  const floats = new Float32Array(bytes.buffer, HEADER_BYTES);
  let at = 0;
  for (const s of layout) {
    const n = s.count * s.stride;
    const src = sections[s.kind];
    if (src) floats.set(src.length > n ? src.subarray(0, n) : src, at);
    at += n;
  }
  return bytes;
}

/**
 * Decodes a frame published in `layout`.
 * @throws Error naming the expected and actual size when the bytes do not fit the layout.
 */
export function decodeLiveFrame(layout: readonly FrameSectionLayout[], bytes: Uint8Array): LiveFrame {
  const expected = HEADER_BYTES + floatsOf(layout) * 4;
  if (bytes.byteLength !== expected) throw new Error(`live frame: ${bytes.byteLength} bytes, expected ${expected} for the scene's layout`);
  // Copy: the floats must start on a 4-byte boundary, and the section views outlive the message buffer.
  const own = bytes.slice();
  const view = new DataView(own.buffer);
  const sections: Record<string, Float32Array> = {};
  let at = HEADER_BYTES;
  for (const s of layout) {
    const n = s.count * s.stride;
    sections[s.kind] = new Float32Array(own.buffer, at, n);
    at += n * 4;
  }
  return { tick: view.getUint32(0, true), sentEpochMs: view.getFloat64(8, true), sections };
}

/**
 * Reads a retained scene message.
 * @throws Error naming the field that is wrong.
 */
export function parseLiveScene(text: string): LiveScene {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`live scene: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const s = raw as Partial<LiveScene> | null;
  if (s?.format !== LIVE_FORMAT) throw new Error(`live scene: format is ${JSON.stringify(s?.format)}, expected "${LIVE_FORMAT}"`);
  if (s.version !== LIVE_VERSION) throw new Error(`live scene: version ${JSON.stringify(s.version)} is not supported (expected ${LIVE_VERSION})`);
  if (!Array.isArray(s.sections)) throw new Error('live scene: field "sections" must be an array');
  if (typeof s.hz !== 'number' || !(s.hz > 0)) throw new Error('live scene: field "hz" must be a positive number');
  if (typeof s.spec !== 'object' || s.spec === null) throw new Error('live scene: field "spec" is missing');
  return s as LiveScene;
}
