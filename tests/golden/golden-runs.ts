import { controllers } from '../../robots/index.ts';
import { scenarios } from '../../scenarios/index.ts';
import { Hasher, type Kpis, type SimEvent } from '../../sim/index.ts';
import { makeHost, runCollect } from '../helpers/make-host.ts';

/** What the golden test pins for one scenario × controller run. */
export interface GoldenValues {
  ticks: number;
  events: number;
  /** 64-bit digest of the whole event stream (each event as JSON, in order). */
  eventDigest: string;
  kpis: Kpis;
  /** State hash at the end; its format may change deliberately, so it is pinned apart. */
  hash: string;
}

/** Ticks per run: long enough for lifts, picks and deliveries, short enough for CI. */
const TICKS: Record<string, number> = { 'warehouse/g2p-large@1': 600 };
const DEFAULT_TICKS = 5400;
export const GOLDEN_SEED = 11;

/** Every registered scenario × built-in controller, as `scenario|controller` keys. */
export function goldenKeys(): string[] {
  return Object.keys(scenarios).flatMap((s) => Object.keys(controllers).map((c) => `${s}|${c}`));
}

/** Digest of an event stream: order and every field count. */
export function digestEvents(events: readonly SimEvent[]): string {
  const h = new Hasher();
  for (const e of events) h.string(JSON.stringify(e)).string('\n');
  return h.hex();
}

/** Runs one golden pair from tick 0. */
export async function runGolden(key: string): Promise<GoldenValues> {
  const [scenario, controller] = key.split('|') as [string, string];
  const ticks = TICKS[scenario] ?? DEFAULT_TICKS;
  const host = await makeHost({ scenario, controller, seed: GOLDEN_SEED, overrides: { minutes: 10 } });
  try {
    const events = runCollect(host, ticks);
    return { ticks: host.tick, events: events.length, eventDigest: digestEvents(events), kpis: host.kpis(), hash: host.hash() };
  } finally {
    host.dispose();
  }
}
