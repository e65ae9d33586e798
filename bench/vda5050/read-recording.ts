import { readFileSync } from 'node:fs';
import { UsageError } from '../run/usage-error.ts';
import type { VdaRecording } from './session-kpis.ts';

/** Whether `text` looks like a session recording (JSON naming its format), not a binary replay. */
export function isVdaRecordingText(text: string): boolean {
  return /^\s*\{[\s\S]*"format"\s*:\s*"testfield-vda5050-session"/.test(text.slice(0, 4096));
}

/**
 * Reads a session recording written by `vda5050 … --record FILE`.
 * @throws UsageError naming the file and the field that is missing or wrong.
 */
export function readVdaRecording(file: string): VdaRecording {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: cannot read a recording (${error instanceof Error ? error.message : String(error)})`);
  }
  const r = raw as Partial<VdaRecording> | null;
  if (r?.format !== 'testfield-vda5050-session')
    throw new UsageError(`${file}: format is ${JSON.stringify(r?.format)}, expected "testfield-vda5050-session" (written by vda5050 --record)`);
  if (r.version !== 1) throw new UsageError(`${file}: version ${JSON.stringify(r.version)} is not supported (expected 1)`);
  for (const key of ['spec', 'identity', 'messages', 'endTick', 'hash', 'seed', 'mapId'] as const)
    if (r[key] === undefined) throw new UsageError(`${file}: field "${key}" is missing`);
  if (!Array.isArray(r.messages)) throw new UsageError(`${file}: field "messages" must be an array`);
  return r as VdaRecording;
}
