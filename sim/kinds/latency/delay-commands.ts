import { activeUncertainty } from '../fault/index.ts';
import type { SimModel } from '../../model/sim-model.ts';
import type { SimState } from '../../state/sim-state.ts';
import { latencyRows, type LatencyTable } from './latency-columns.ts';

const NONE: readonly unknown[] = Object.freeze([]);

/**
 * Command latency (`command.latency`), the latency kind's command filter: given the commands a
 * controller issued at a control tick, returns the commands to apply now. While a latency of k control ticks is on,
 * this tick's batch is held and applied k control ticks later; batches already in flight land when
 * due, oldest first, also after the fault ended. Without latency faults it returns `issued` as is.
 */
export function delayCommands(model: SimModel, state: SimState, issued: readonly unknown[]): readonly unknown[] {
  if (!state.things.latency) return issued;
  const t = latencyRows.table(state);
  if (t.count === 0) return issued;
  const due: Array<{ issued: number; commands: unknown[] }> = [];
  for (let k = 0; k < t.count; k++) {
    if (t.dueTick[k] !== state.tick) continue;
    due.push({ issued: t.issuedTick[k]!, commands: decode(t.batch[k]!) });
    t.dueTick[k] = -1;
    t.issuedTick[k] = -1;
    t.batch[k] = [];
  }
  due.sort((a, b) => a.issued - b.issued);
  const out: unknown[] = due.flatMap((d) => d.commands);
  const k = activeUncertainty(model, state.tick).latencyControlTicks;
  if (k === 0 || issued.length === 0) {
    out.push(...issued);
    return out.length === 0 ? NONE : out;
  }
  const row = freeRow(t);
  if (row < 0) out.push(...issued);
  else {
    t.dueTick[row] = state.tick + k * model.controlEvery;
    t.issuedTick[row] = state.tick;
    t.batch[row] = encode(issued);
  }
  return out.length === 0 ? NONE : out;
}

function freeRow(t: LatencyTable): number {
  for (let k = 0; k < t.count; k++) if (t.dueTick[k]! < 0) return k;
  return -1;
}

function encode(commands: readonly unknown[]): number[] {
  const json = JSON.stringify(commands);
  const out = new Array<number>(json.length);
  for (let i = 0; i < json.length; i++) out[i] = json.charCodeAt(i);
  return out;
}

function decode(codes: readonly number[]): unknown[] {
  let json = '';
  for (let i = 0; i < codes.length; i += 4096) json += String.fromCharCode(...codes.slice(i, i + 4096));
  const parsed: unknown = json.length > 0 ? JSON.parse(json) : [];
  return Array.isArray(parsed) ? parsed : [];
}
