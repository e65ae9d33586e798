import type { ScenarioOverrides } from '../../sim/page-api.ts';
import type { Speed } from '../streams/sim-client.ts';

/** Start-up choices, from the URL (`?scenario=&controller=&seed=&speed=&paused=1&robots=`). */
export interface StartOptions {
  /** A registered scenario id, or the URL of a scenario JSON file (see `scenarioSource`). */
  scenario: string | null;
  controller: string | null;
  seed: number | null;
  speed: Speed;
  paused: boolean;
  overrides: ScenarioOverrides | undefined;
  /** URL of a replay file to open once the page is up (`?replay=`, `testfield replay FILE --open`). */
  replay?: string | null;
  /** MQTT-over-WebSocket URL of a live `testfield vda5050` session to follow (`?vda5050=ws://…`), and its topic root (`&live=`). */
  vda5050?: string | null;
  liveTopic?: string | null;
  /** URL parameters that were given but invalid (each ignored; shown in the banner). */
  problems?: string[];
  /** `?edit` (`''`, or a blank floor size `WxH`): start in the layout editor; null or absent: the field. */
  edit?: string | null;
}

/** A `?vda5050=` value: an MQTT-over-WebSocket URL, or null (a bad one is named in `problems`). */
function liveUrl(value: string | null, problems: string[]): string | null {
  if (value === null || value === '') return null;
  if (/^wss?:\/\/[^\s/]+/.test(value)) return value;
  problems.push(`vda5050=${value}: expected an MQTT-over-WebSocket URL such as ws://127.0.0.1:9001; ignored`);
  return null;
}

/** Speeds the picker offers (a URL asking for another is named as a problem). */
const SPEEDS = ['1', '2', '4', '8', '16', 'max'];

/**
 * Start-up options from the page address (`?scenario=&controller=&seed=&speed=&paused=1&robots=&edit&replay=`).
 * A parameter given but invalid is ignored and named in `problems` (the page shows them).
 */
export function startOptions(params: URLSearchParams): StartOptions {
  const problems: string[] = [];
  /** A whole number within [min, max] or null; a value given but not one is named in `problems`. */
  const int = (name: string, min: number, max: number) => {
    const v = params.get(name);
    if (v === null || v === '') return null;
    const n = /^\d{1,9}$/.test(v) ? Number(v) : Number.NaN;
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    problems.push(`${name}=${v}: expected a whole number from ${min} to ${max}; ignored`);
    return null;
  };
  const speedText = params.get('speed');
  if (speedText !== null && !SPEEDS.includes(speedText)) problems.push(`speed=${speedText}: expected one of ${SPEEDS.join(', ')}; ignored`);
  const speed: Speed = speedText === 'max' ? 'max' : speedText !== null && SPEEDS.includes(speedText) ? Number(speedText) : 1;
  const robots = int('robots', 1, 5000);
  const seed = int('seed', 0, 2 ** 31 - 1);
  return {
    problems,
    scenario: params.get('scenario'),
    controller: params.get('controller'),
    seed,
    speed,
    paused: params.get('paused') === '1',
    overrides: robots !== null ? { robots } : undefined,
    edit: params.get('edit'),
    replay: params.get('replay'),
    vda5050: liveUrl(params.get('vda5050'), problems),
    liveTopic: params.get('live'),
  };
}
